import { fork } from "node:child_process";

/**
 * Runs a benchmark entry point in its own Node.js process (fresh heap, its own CPU and RSS figures),
 * hands it `task` as JSON on the command line and resolves with the one message it sends back.
 * The child is killed if it has not answered within `timeoutMs`.
 */
export function runChild<Result>(entry: URL, task: unknown, timeoutMs: number): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(task)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let answer: { result: Result } | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry.pathname} did not answer within ${timeoutMs} ms; it was stopped`));
    }, timeoutMs);
    child.on("message", (message) => {
      answer = { result: message as Result };
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (answer) resolve(answer.result);
      else reject(new Error(`${entry.pathname} exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}

/** In a child: sends the result to the parent, then exits once it is delivered. */
export function sendResult(result: unknown): void {
  if (!process.send)
    throw new Error("This benchmark entry point runs as a child process of the bench runner");
  process.send(result, () => process.exit(0));
}

/** In a child: the task the parent passed on the command line. */
export function readTask<Task>(): Task {
  const argument = process.argv[2];
  if (argument === undefined) throw new Error("Missing the task argument (JSON) from the bench runner");
  return JSON.parse(argument) as Task;
}
