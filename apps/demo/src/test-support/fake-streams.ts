import { PassThrough } from "node:stream";
import type { CliStreams } from "lro-tui";

/** Streams that are not a terminal (as under CI or a pipe), with what was written to them. */
export function createFakeStreams() {
  const make = () => Object.assign(new PassThrough(), { isTTY: false, columns: 100, rows: 30 });
  const stdout = make();
  const stderr = make();
  const stdin = make();
  const read = (stream: PassThrough) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks).toString("utf8");
  };
  return {
    streams: { stdout, stderr, stdin } as unknown as CliStreams,
    stdoutText: read(stdout),
    stderrText: read(stderr),
  };
}
