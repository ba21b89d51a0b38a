import { main, type MainOptions } from "./main.js";
import type { CliStreams } from "./streams.js";

/**
 * Resolves once everything written to `stream` so far has left the process: a pipe takes 64 KiB at a
 * time, and exiting earlier would cut the rest off. A closed reader (`| head`) ends the wait too.
 */
export function drain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("error", done);
      resolve();
    };
    stream.once("error", done);
    stream.write("", done);
  });
}

/** The binary: runs the command, waits until its output has drained, and exits with its status. */
export async function runCli(
  argv: readonly string[],
  environment: Record<string, string | undefined>,
  process: CliStreams & { exit(code: number): never },
  mainOptions: MainOptions = {},
): Promise<never> {
  // A reader that goes away (`| head -1`) is not an error of ours: the rest of the output has nowhere to go.
  process.stdout.on("error", () => undefined);
  const status = await main(argv, environment, process, mainOptions);
  await Promise.all([drain(process.stdout), drain(process.stderr)]);
  // Keep-alive connection pools would hold the process open: the command is done, so leave.
  return process.exit(status);
}
