import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { splitMouseInput, takeMouseReports } from "./mouse-input.js";

describe("mouse reports in the terminal's input", () => {
  it("takes SGR mouse reports out of a chunk and keeps the keys in order", () => {
    expect(takeMouseReports("j\u001B[<65;10;5Mk\u001B[<0;3;4m")).toEqual({
      reports: ["\u001B[<65;10;5M", "\u001B[<0;3;4m"],
      rest: "jk",
    });
    expect(takeMouseReports("\u001B[A/q")).toEqual({ reports: [], rest: "\u001B[A/q" });
  });

  it("gives Ink a TTY stream of keys only, the reports to subscribers, and the raw mode to the terminal", async () => {
    const rawModes: boolean[] = [];
    const terminal = Object.assign(new PassThrough(), {
      isTTY: true,
      setRawMode(mode: boolean) {
        rawModes.push(mode);
      },
    });
    const { keys, mouse, close } = splitMouseInput(terminal);
    const reports: string[] = [];
    mouse.subscribe((report) => reports.push(report));
    expect(keys.isTTY).toBe(true);
    keys.setRawMode(true);
    terminal.write(Buffer.from("q\u001B[<64;1;1Mx"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys.read()).toBe("qx");
    expect(reports).toEqual(["\u001B[<64;1;1M"]);
    keys.setRawMode(false);
    close();
    expect(rawModes).toEqual([true, false]);
    expect(terminal.listenerCount("data")).toBe(0);
  });
});
