/** The process's streams, injectable so tests run the CLI against fake (non-TTY) streams. */
export interface CliStreams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}
