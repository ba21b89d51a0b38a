/**
 * The V8 heap the dashboard runs in: a young generation held at 8 MB. Every frame makes 4-6 MB of
 * short-lived objects (Ink lays out and draws every cell); in V8's first 1 MB young generation, a frame
 * ran about eight young collections, and what a frame held until it was written moved to the old
 * generation, fully marked again every 20 keys or so. Held at 8 MB, a frame's garbage dies young: with
 * 10,000 operations a key cost 24 ms of CPU instead of 35-41. V8 reads these sizes only when it starts.
 */
export const dashboardHeapFlags = ["--min-semi-space-size=8", "--max-semi-space-size=8"] as const;

/** What of the running process the restart reads and calls. */
export interface RestartableProcess {
  execPath: string;
  execArgv: readonly string[];
  argv: readonly string[];
  env: Record<string, string | undefined>;
  execve?:
    ((file: string, args?: readonly string[], env?: Record<string, string | undefined>) => never) | undefined;
}

const sizesYoungGeneration = (flag: string) => /^--(min|max)-semi-space-size(=|$)/.test(flag);

/**
 * Replaces this process with the same command on a Node.js started with `dashboardHeapFlags` (same pid,
 * terminal, arguments and environment): called once the command is known to draw the dashboard, before
 * anything is drawn or opened. Does nothing, and returns, where Node.js cannot replace a process
 * (Windows, Node.js before 22.15) or when the young generation is already sized (by this restart, or by
 * the user on the command line or in NODE_OPTIONS): the dashboard then runs as it is.
 */
export function restartWithDashboardHeap(process: RestartableProcess): void {
  if (typeof process.execve !== "function") return;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (given.some(sizesYoungGeneration)) return;
  const [, script, ...args] = process.argv;
  if (script === undefined) return;
  try {
    process.execve(
      process.execPath,
      [process.execPath, ...dashboardHeapFlags, ...process.execArgv, script, ...args],
      process.env,
    );
  } catch {
    // Not supported here (ERR_FEATURE_UNAVAILABLE_ON_PLATFORM) or refused by the system: run as it is.
  }
}
