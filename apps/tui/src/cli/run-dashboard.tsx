import { render } from "ink";
import { App, type AppProps } from "../app.js";
import type { Display } from "../context/display-context.js";
import type { OperationSource } from "../sources/operation-source.js";
import { splitMouseInput } from "../input/mouse-input.js";
import type { CliStreams } from "./streams.js";

const enterAlternateScreen = "\u001B[?1049h\u001B[H";
const leaveAlternateScreen = "\u001B[?1049l";
const showCursor = "\u001B[?25h";
/** Button presses and the wheel, in SGR encoding (any column, no bytes above 127). */
const mouseOn = "\u001B[?1000h\u001B[?1006h";
const mouseOff = "\u001B[?1006l\u001B[?1000l";

/** Exit statuses of the shell's convention: 128 + the signal's number. */
const signalStatuses = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export interface DashboardOptions {
  endpoint?: AppProps["endpoint"];
  mouse: boolean;
}

/**
 * The interactive dashboard on the alternate screen; resolves with the exit status when the user quits
 * (q: 0, Ctrl-C: 130) or the process is asked to stop (SIGTERM: 143, SIGHUP: 129), with the terminal as
 * it was: main screen back, mouse released, cursor shown, raw mode off.
 */
export async function runDashboard(
  source: OperationSource,
  display: Display,
  streams: CliStreams,
  options: DashboardOptions,
): Promise<number> {
  let status = 0;
  streams.stdout.write(enterAlternateScreen + (options.mouse ? mouseOn : ""));
  // Ink's input parser drops mouse reports, so they are taken out of the terminal's input before it.
  const input = options.mouse ? splitMouseInput(streams.stdin) : undefined;
  const instance = render(
    <App
      source={source}
      display={display}
      endpoint={options.endpoint}
      output={(text) => streams.stdout.write(text)}
      mouse={input?.mouse}
      onQuit={(code) => {
        status = code;
      }}
    />,
    {
      stdout: streams.stdout,
      stdin: input?.keys ?? streams.stdin,
      stderr: streams.stderr,
      // Ctrl-C is a key of the dashboard (exit status 130), read in raw mode like every other.
      exitOnCtrlC: false,
      // main() chose the dashboard because both ends are a terminal: Ink must draw it live even where a
      // CI variable is set (Ink would otherwise print only the last frame, at exit).
      interactive: true,
      patchConsole: true,
      // Ink draws a commit at once, then holds any other for the rest of 1000 / maxFps ms. The dashboard
      // commits only for a key, a batch of updates (at most every 100 ms) or a clock tick that shows, so
      // the cap does not coalesce bursts here: at 30 a key pressed within 34 ms of the last frame waited
      // for the rest of that window before it was drawn (most of a key's time when keys follow each
      // other); at 120 it waits 9 ms at most.
      maxFps: 120,
      // Only the lines that changed are written: a move of the selection rewrites two rows, not the
      // screen (a tenth of the bytes for the terminal to parse).
      incrementalRendering: true,
    },
  );
  const stops = Object.entries(signalStatuses).map(([signal, code]) => {
    const stop = () => {
      status = code;
      instance.unmount();
    };
    process.once(signal, stop);
    return () => process.off(signal, stop);
  });
  try {
    await instance.waitUntilExit();
  } finally {
    for (const release of stops) release();
    input?.close();
    streams.stdout.write((options.mouse ? mouseOff : "") + showCursor + leaveAlternateScreen);
  }
  return status;
}
