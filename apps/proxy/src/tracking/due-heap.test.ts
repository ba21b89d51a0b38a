import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDueHeap } from "./due-heap.js";

describe("due heap", () => {
  it("gives items back earliest first, whatever the order they came in", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 })), (times) => {
        const heap = createDueHeap((time: number) => time);
        for (const time of times) heap.push(time);
        const out: number[] = [];
        for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
        expect(out).toEqual([...times].sort((left, right) => left - right));
      }),
    );
  });

  it("takes out the items asked for and keeps the others in order", () => {
    const heap = createDueHeap((item: { id: string; at: number }) => item.at);
    for (const [id, at] of [
      ["a", 5],
      ["b", 1],
      ["c", 3],
      ["d", 2],
    ] as const)
      heap.push({ id, at });
    const removed = heap.remove((item) => item.id === "d" || item.id === "a");
    expect(removed.map((item) => item.id).sort()).toEqual(["a", "d"]);
    expect(heap.size).toBe(2);
    expect([heap.pop()?.id, heap.pop()?.id, heap.pop()]).toEqual(["b", "c", undefined]);
  });
});
