import { render } from "ink";
import { App, type AppProps } from "../app.js";
import type { Display } from "../context/display-context.js";
import type { OperationSource } from "../sources/operation-source.js";
import type { CliStreams } from "./streams.js";

const enterAlternateScreen = "\u001B[?1049h\u001B[H";
const leaveAlternateScreen = "\u001B[?1049l";
const showCursor = "\u001B[?25h";

/**
 * The interactive dashboard on the alternate screen; resolves when the user quits (q, Ctrl-C) or the
 * process is asked to stop, with the terminal as it was: main screen back, cursor shown, raw mode off.
 */
export async function runDashboard(
  source: OperationSource,
  display: Display,
  streams: CliStreams,
  endpoint?: AppProps["endpoint"],
): Promise<void> {
  streams.stdout.write(enterAlternateScreen);
  const instance = render(<App source={source} display={display} endpoint={endpoint} />, {
    stdout: streams.stdout,
    stdin: streams.stdin,
    stderr: streams.stderr,
    exitOnCtrlC: true,
    patchConsole: true,
    maxFps: 10,
  });
  const stop = () => instance.unmount();
  process.once("SIGTERM", stop);
  process.once("SIGHUP", stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
    streams.stdout.write(showCursor + leaveAlternateScreen);
  }
}
