import { describe, expect, it } from "vitest";
import { createOriginSlots } from "./origin-slots.js";

describe("origin slots", () => {
  it("never runs more than the total, nor more than the per-origin limit of one origin", () => {
    const slots = createOriginSlots<string>({ total: 3, perOrigin: 2 });
    for (let index = 0; index < 5; index += 1) slots.enqueue("https://slow", `slow-${index}`);
    slots.enqueue("https://fast", "fast-0");
    const started = [slots.next(), slots.next(), slots.next(), slots.next()];
    expect(started.map((taken) => taken?.item)).toEqual(["slow-0", "fast-0", "slow-1", undefined]);
    expect(slots.inFlight).toBe(3);
    slots.release("https://fast");
    // A free slot, but the slow origin already has its two.
    expect(slots.next()).toBeUndefined();
    slots.release("https://slow");
    expect(slots.next()?.item).toBe("slow-2");
    expect(slots.waiting).toBe(2);
  });

  it("lets origins take turns, so one origin's backlog does not hold the others back", () => {
    const slots = createOriginSlots<string>({ total: 1, perOrigin: 1 });
    for (let index = 0; index < 3; index += 1) slots.enqueue("https://a", `a-${index}`);
    slots.enqueue("https://b", "b-0");
    const order: string[] = [];
    for (let taken = slots.next(); taken !== undefined; taken = slots.next()) {
      order.push(taken.item);
      slots.release(taken.origin);
    }
    expect(order).toEqual(["a-0", "b-0", "a-1", "a-2"]);
  });

  it("takes queued items out on request", () => {
    const slots = createOriginSlots<string>({ total: 10, perOrigin: 10 });
    slots.enqueue("https://a", "keep");
    slots.enqueue("https://a", "drop");
    expect(slots.remove((item) => item === "drop")).toEqual(["drop"]);
    expect(slots.waiting).toBe(1);
    expect(slots.next()?.item).toBe("keep");
    expect(slots.next()).toBeUndefined();
  });
});
