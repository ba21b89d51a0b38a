import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WakeQueue } from "./wake-queue.js";
import type { Sleeper } from "./wake-queue.js";

/** A sleeper that records when it woke (on the fake clock) into `log`. */
function sleeper(name: string, log: string[], onWake?: () => void): Sleeper {
  return {
    wakeAt: 0,
    wakeIndex: -1,
    wakeOrder: 0,
    wake() {
      log.push(`${name}@${Date.now()}`);
      onWake?.();
    },
  };
}

describe("WakeQueue", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("wakes each sleeper at its time, in time order, on one platform timer", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    queue.add(sleeper("c", log), 300);
    queue.add(sleeper("a", log), 100);
    queue.add(sleeper("b", log), 200);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(["a@100"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(["a@100", "b@200", "c@300"]);
    expect(queue.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("wakes sleepers due at the same time in the order they were queued", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    for (const name of ["first", "second", "third", "fourth", "fifth"]) queue.add(sleeper(name, log), 50);
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(["first@50", "second@50", "third@50", "fourth@50", "fifth@50"]);
  });

  it("moves a queued sleeper to its new time, and forgets a removed one", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    const moved = sleeper("moved", log);
    const removed = sleeper("removed", log);
    queue.add(moved, 100);
    queue.add(removed, 150);
    queue.add(sleeper("kept", log), 200);
    queue.add(moved, 400);
    queue.remove(removed);
    queue.remove(removed);
    expect(queue.size).toBe(2);
    expect(removed.wakeIndex).toBe(-1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(["kept@200", "moved@400"]);
  });

  it("re-arms its timer for an earlier sleeper, and stops it once nothing waits", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    const late = sleeper("late", log);
    queue.add(late, 5000);
    queue.add(sleeper("early", log), 10);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(["early@10"]);
    queue.remove(late);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("lets a sleeper queue itself again from its wake, for a later turn", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    let count = 0;
    const again: Sleeper = sleeper("again", log, () => {
      count += 1;
      // Due at once: it still waits for the next turn of the timer instead of looping here.
      if (count < 3) queue.add(again, Date.now());
    });
    queue.add(again, 20);
    // Each turn is a timer of its own (a wake is never called from inside another's), as setTimeout(0) is.
    vi.advanceTimersToNextTimer();
    expect(log).toEqual(["again@20"]);
    vi.advanceTimersToNextTimer();
    expect(log).toEqual(["again@20", "again@21"]);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(["again@20", "again@21", "again@22"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fires again when its timer comes before the clock shows the time", async () => {
    let clock = 0;
    const queue = new WakeQueue(() => clock);
    const log: string[] = [];
    queue.add(sleeper("due", log), 100);
    // The platform timer fires at 100 on its own clock while the queue's clock still reads 99.
    clock = 99;
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    clock = 100;
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(["due@101"]);
  });

  it("wakes the others and keeps its timer when one wake throws, then throws that error", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    const broken = new Error("a wake that throws");
    queue.add(sleeper("before", log), 10);
    queue.add(
      sleeper("thrower", log, () => {
        throw broken;
      }),
      10,
    );
    queue.add(sleeper("after", log), 10);
    queue.add(sleeper("later", log), 50);
    expect(() => vi.advanceTimersToNextTimer()).toThrow(broken);
    expect(log).toEqual(["before@10", "thrower@10", "after@10"]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(40);
    expect(log).toEqual(["before@10", "thrower@10", "after@10", "later@50"]);
  });

  it("waits longer than a platform timer's longest delay in steps, never early", async () => {
    const queue = new WakeQueue();
    const log: string[] = [];
    const day = 24 * 60 * 60 * 1000;
    queue.add(sleeper("month", log), 30 * day);
    vi.advanceTimersToNextTimer();
    expect(Date.now()).toBe(2_147_483_647);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(30 * day - Date.now() - 1);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual([`month@${30 * day}`]);
  });

  it("keeps heap order through many random adds, moves and removals", async () => {
    const queue = new WakeQueue();
    const woke: number[] = [];
    const early: number[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sleepers = Array.from({ length: 300 }, () => {
      const entry: Sleeper = {
        wakeAt: 0,
        wakeIndex: -1,
        wakeOrder: 0,
        wake: () => {
          woke.push(entry.wakeAt);
          if (Date.now() !== entry.wakeAt) early.push(entry.wakeAt);
        },
      };
      return entry;
    });
    for (const entry of sleepers) queue.add(entry, 1 + Math.floor(random() * 1000));
    for (const entry of sleepers.slice(0, 100)) queue.add(entry, 1 + Math.floor(random() * 1000));
    for (const entry of sleepers.slice(100, 150)) queue.remove(entry);
    expect(queue.size).toBe(250);
    await vi.advanceTimersByTimeAsync(1001);
    expect(woke).toHaveLength(250);
    expect(woke).toEqual([...woke].sort((a, b) => a - b));
    // Each woke at its very time on the fake clock.
    expect(early).toEqual([]);
  });
});
