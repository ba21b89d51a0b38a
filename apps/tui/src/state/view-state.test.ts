import { describe, expect, it } from "vitest";
import { initialViewState, reduceView } from "./view-state.js";

const keys = ["a", "b", "c"];

describe("reduceView track", () => {
  it("follows the selected row to its new place, and adopts the row that took a vanished one's place", () => {
    const onB = reduceView(initialViewState, { type: "moveTo", index: 1, keys });
    expect(reduceView(onB, { type: "track", index: 2, key: "b", was: "b" })).toMatchObject({
      selectedIndex: 2,
      selectedKey: "b",
    });
    expect(reduceView(onB, { type: "track", index: 1, key: "c", was: "b" })).toMatchObject({
      selectedIndex: 1,
      selectedKey: "c",
    });
  });

  it("loses to a key pressed since the screen it was made for: the move wins", () => {
    const onB = reduceView(initialViewState, { type: "moveTo", index: 1, keys });
    const onC = reduceView(onB, { type: "move", delta: 1, keys });
    expect(reduceView(onC, { type: "track", index: 1, key: "b", was: "b" })).toBe(onC);
  });
});
