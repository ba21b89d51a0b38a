import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";

// eslint-disable-next-line no-control-regex -- an SGR mouse report starts with ESC
const mouseReport = /\u001B\[<\d+;\d+;\d+[Mm]/g;

/** Mouse reports of the terminal, in SGR encoding (`ESC [ < button ; x ; y M|m`), one listener each. */
export interface MouseReports {
  subscribe(listener: (report: string) => void): () => void;
}

/**
 * PURE: the SGR mouse reports of a chunk of terminal input, and the rest of it (keys), in order. A report
 * split across two chunks is read as keys: terminals write each report whole.
 */
export function takeMouseReports(chunk: string): { reports: string[]; rest: string } {
  const reports = chunk.match(mouseReport) ?? [];
  return { reports, rest: reports.length === 0 ? chunk : chunk.replace(mouseReport, "") };
}

/** Mouse reports fed by hand (tests) or from a terminal's input by {@link splitMouseInput}. */
export class MouseInput implements MouseReports {
  readonly #events = new EventEmitter();

  feed(report: string): void {
    this.#events.emit("report", report);
  }

  subscribe(listener: (report: string) => void): () => void {
    this.#events.on("report", listener);
    return () => this.#events.off("report", listener);
  }
}

interface RawModeInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

/**
 * The terminal's input split in two: mouse reports, and a stream of everything else for Ink. Ink's own
 * input parser drops mouse reports (they map to no key), so they are taken out before it reads. The
 * stream stands in for stdin with Ink: a TTY whose raw mode is the terminal's.
 */
export function splitMouseInput(stdin: RawModeInput): {
  keys: PassThrough & { isTTY: boolean; setRawMode(mode: boolean): void; ref(): void; unref(): void };
  mouse: MouseReports;
  close(): void;
} {
  const mouse = new MouseInput();
  const keys = Object.assign(new PassThrough({ encoding: "utf8" }), {
    isTTY: stdin.isTTY === true,
    setRawMode(mode: boolean) {
      stdin.setRawMode?.(mode);
      if (mode) stdin.resume();
      else stdin.pause();
    },
    ref() {
      stdin.ref?.();
    },
    unref() {
      stdin.unref?.();
    },
  });
  const onData = (data: Buffer | string) => {
    const { reports, rest } = takeMouseReports(typeof data === "string" ? data : data.toString("utf8"));
    for (const report of reports) mouse.feed(report);
    if (rest !== "") keys.write(rest);
  };
  stdin.on("data", onData);
  stdin.pause();
  return {
    keys,
    mouse,
    close() {
      stdin.off("data", onData);
      stdin.pause();
      keys.end();
    },
  };
}
