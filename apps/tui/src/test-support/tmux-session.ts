import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

/**
 * The real binary in a real terminal: a tmux session on a private server (its own socket, so tests never
 * touch anyone's tmux), of a fixed size, whose screen is read with capture-pane.
 */
export function startTmuxSession(
  command: readonly string[],
  options: { columns: number; rows: number; env?: Record<string, string> },
) {
  const socket = `lro-tui-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) =>
    execFileSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  const environment = Object.entries({ LANG: "C.UTF-8", TERM: "xterm-256color", ...options.env }).flatMap(
    ([name, value]) => ["-e", `${name}=${value}`],
  );
  const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  // The shell keeps the pane after the command ends, with its exit status on screen.
  const script = `${quoted}; echo "EXIT STATUS $?"; sleep 600`;
  tmux(
    "new-session",
    "-d",
    "-s",
    "main",
    "-x",
    String(options.columns),
    "-y",
    String(options.rows),
    ...environment,
    "sh",
    "-c",
    script,
  );
  tmux("set-option", "-g", "status", "off");
  const socketPath = tmux("display-message", "-p", "#{socket_path}").trim();
  const session = {
    /** The screen as text (`escapes`: with its colours and attributes as SGR sequences). */
    screen: (escapes = false) => tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", "main"),
    /** Keys as tmux names them (`Enter`, `Escape`, `C-c`, `PageDown`) or literal text with `literal`. */
    send: (keys: string, literal = false) => {
      tmux("send-keys", "-t", "main", ...(literal ? ["-l"] : []), "--", keys);
    },
    /** The process id of the pane's shell (the command runs as its child). */
    panePid: () => Number(tmux("display-message", "-p", "-t", "main", "#{pane_pid}").trim()),
    /** The pane's title, which OSC 0/2 sequences would change. */
    title: () => tmux("display-message", "-p", "-t", "main", "#{pane_title}").trim(),
    /** Waits until the screen satisfies `predicate`; fails with the last screen after `timeoutMs`. */
    async waitFor(predicate: (screen: string) => boolean, timeoutMs = 20_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const screen = session.screen();
        if (predicate(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`the screen never matched; last screen:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => {
      try {
        tmux("kill-server");
      } catch {
        // already gone
      }
      // tmux leaves its socket file behind.
      rmSync(socketPath, { force: true });
    },
  };
  return session;
}
