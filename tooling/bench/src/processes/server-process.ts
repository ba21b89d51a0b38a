import { fork } from "node:child_process";

/** A server running in its own child process: its first message is its address, then it answers questions. */
export interface ServerProcess<Ready> {
  ready: Ready;
  /** Sends a question (a plain string) and resolves with the next message the child sends. */
  ask<Answer>(question: string): Promise<Answer>;
  /** Asks the child to stop and waits for it to exit. */
  stop(): Promise<void>;
}

/** Forks `entry` with `argv` (and Node flags `execArgv`) and waits for its first message. */
export function startServerProcess<Ready>(
  entry: URL,
  argv: readonly string[] = [],
  execArgv: readonly string[] = [],
): Promise<ServerProcess<Ready>> {
  const child = fork(entry, [...argv], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: [...process.execArgv, ...execArgv],
  });
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`${entry.pathname} exited early (code ${code})`));
    child.once("error", reject);
    child.once("exit", early);
    child.once("message", (ready) => {
      child.off("exit", early);
      resolve({
        ready: ready as Ready,
        ask: <Answer>(question: string) =>
          new Promise<Answer>((answer) => {
            child.once("message", (message) => answer(message as Answer));
            child.send(question);
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.send("stop");
          }),
      });
    });
  });
}

/** In a child: answers the parent's questions with `answers[question]()`, and stops on "stop" or disconnect. */
export function serveQuestions(answers: Record<string, () => unknown>, stop: () => Promise<void>): void {
  const exit = () => void stop().then(() => process.exit(0));
  process.on("message", (message) => {
    if (message === "stop") return exit();
    const answer = answers[String(message)];
    if (answer) void Promise.resolve(answer()).then((value) => process.send?.(value));
  });
  process.on("disconnect", exit);
}

/** In a child: the CPU time (user and system, ms) this process has used, for the parent's "cpu" question. */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
