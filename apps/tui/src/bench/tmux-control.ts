// A tmux control-mode client for the dashboard's benchmark: one `tmux -C attach` process whose commands
// go over its stdin and whose answers come back between `%begin` and `%end` lines. A look at the screen
// this way costs the tmux server a fraction of a millisecond, where `tmux capture-pane` as a command
// starts a whole tmux client process (10-15 ms of a core) for every look.
//
// Run with Node's type stripping: Node's own modules only, and no TypeScript-only syntax.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

interface Waiter {
  resolve: (output: string) => void;
  reject: (error: Error) => void;
}

const readyWord = "lro-bench-control-ready";

/** Quotes one argument for tmux's command parser (single quotes: nothing inside them is special). */
function quoted(argument: string): string {
  if (argument.includes("'")) throw new Error(`cannot quote ${JSON.stringify(argument)} for tmux`);
  return `'${argument}'`;
}

export class TmuxControl {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: Waiter[] = [];
  private pending = "";
  /** The output lines of the answer being read, or undefined between answers. */
  private block: string[] | undefined;
  /** Set until the client's first own answer arrives: what comes before it is not ours. */
  private onReady: (() => void) | undefined;
  private closed: Error | undefined;

  private constructor(tmuxArguments: readonly string[], session: string) {
    this.child = spawn("tmux", [...tmuxArguments, "-C", "attach-session", "-t", session], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => this.read(chunk));
    this.child.stderr.resume();
    this.child.once("exit", (code, signal) => {
      this.closed = new Error(`tmux control client exited (code ${code}, signal ${signal})`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.closed);
    });
  }

  /**
   * Attaches a control client to `session` (on the server `tmuxArguments` name, e.g. `-L socket`). The
   * pane's output is not sent to it (`no-output`): it reads the screen only when asked.
   */
  static async attach(tmuxArguments: readonly string[], session: string): Promise<TmuxControl> {
    const control = new TmuxControl(tmuxArguments, session);
    const ready = new Promise<void>((resolve) => {
      control.onReady = resolve;
    });
    // Answers to the attach itself may come first: everything before this word's answer is dropped.
    control.child.stdin.write(`refresh-client -f no-output\ndisplay-message -p ${readyWord}\n`);
    await ready;
    return control;
  }

  /** Runs one tmux command and resolves with its output (rejects with tmux's error message). */
  command(line: string): Promise<string> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
  }

  /** The pane's visible text, as `capture-pane -p` prints it. */
  capture(target: string): Promise<string> {
    return this.command(`capture-pane -p -t ${quoted(target)}`);
  }

  /** Sends keys to a pane, as `send-keys` (with `-l`, literally). */
  async sendKeys(target: string, key: string, literal = false): Promise<void> {
    await this.command(`send-keys -t ${quoted(target)}${literal ? " -l" : ""} -- ${quoted(key)}`);
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Hands each whole line to `line`; a line cut between two chunks waits in `pending` for its end. */
  private read(chunk: string): void {
    const text = this.pending + chunk;
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.line(text.slice(start, end));
      start = end + 1;
    }
    this.pending = text.slice(start);
  }

  private line(line: string): void {
    if (this.block === undefined) {
      // Outside an answer: notifications (%session-changed, %exit...) are not asked for.
      if (line.startsWith("%begin ")) this.block = [];
      return;
    }
    const failed = line.startsWith("%error ");
    if (!failed && !line.startsWith("%end ")) {
      this.block.push(line);
      return;
    }
    const output = this.block.length === 0 ? "" : `${this.block.join("\n")}\n`;
    this.block = undefined;
    const onReady = this.onReady;
    if (onReady !== undefined) {
      if (output.trim() === readyWord) {
        this.onReady = undefined;
        onReady();
      }
      return;
    }
    const waiter = this.waiters.shift();
    if (failed) waiter?.reject(new Error(`tmux: ${output.trim()}`));
    else waiter?.resolve(output);
  }
}
