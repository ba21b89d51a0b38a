import { describe, expect, it } from "vitest";
import type { KeyContext } from "./key-bindings.js";
import { commandsForKey, plainKey as none, splitKeyPresses } from "./key-bindings.js";

const context: KeyContext = {
  mode: "table",
  keys: ["a", "b"],
  selectedKey: "a",
  confirmKey: undefined,
  pageSize: 10,
};

describe("splitKeyPresses", () => {
  it("splits typed characters delivered together, turning CR and DEL into Enter and Backspace", () => {
    const presses = splitKeyPresses("jj/x\u007F\r", none);
    expect(presses.map(([input]) => input)).toEqual(["j", "j", "/", "x", "", ""]);
    expect(presses[4]?.[1].backspace).toBe(true);
    expect(presses[5]?.[1].return).toBe(true);
  });

  it("reads Ctrl-C delivered with other keys as Ctrl-C, which quits in every mode", () => {
    const presses = splitKeyPresses("d\u0003", none);
    expect(presses.map(([input, key]) => [input, key.ctrl])).toEqual([
      ["d", false],
      ["c", true],
    ]);
    for (const mode of ["table", "detail", "filter", "confirm", "help"] as const) {
      const [input, key] = presses[1] ?? ["", none];
      expect(commandsForKey({ ...context, mode, confirmKey: "a" }, input, key)).toEqual([
        { type: "quit", status: 130 },
      ]);
    }
  });

  it("keeps escape sequences and single keys whole", () => {
    expect(splitKeyPresses("\u001B[A", none)).toHaveLength(1);
    expect(splitKeyPresses("q", none)).toEqual([["q", none]]);
  });
});

describe("commandsForKey", () => {
  it("types q into the filter instead of quitting", () => {
    expect(commandsForKey({ ...context, mode: "filter" }, "q", none)).toEqual([
      { type: "typeFilter", text: "q" },
    ]);
    expect(commandsForKey(context, "q", none)).toEqual([{ type: "quit", status: 0 }]);
  });

  it("stops only the operation the confirmation asked about, and only on y", () => {
    const confirming = { ...context, mode: "confirm" as const, confirmKey: "b" };
    expect(commandsForKey(confirming, "y", none)).toEqual([{ type: "stop", key: "b" }, { type: "close" }]);
    expect(commandsForKey(confirming, "n", none)).toEqual([{ type: "close" }]);
  });

  it("does nothing with Enter or d when no row is selected", () => {
    expect(commandsForKey({ ...context, keys: [], selectedKey: undefined }, "d", none)).toEqual([]);
    expect(
      commandsForKey({ ...context, keys: [], selectedKey: undefined }, "", { ...none, return: true }),
    ).toEqual([]);
  });
});
