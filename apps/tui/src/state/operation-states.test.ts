import { TestScheduler } from "rxjs/testing";
import { map, mergeMap } from "rxjs";
import { describe, expect, it } from "vitest";
import type { SourceEvent } from "../sources/operation-source.js";
import { makeOperation } from "../test-support/operations.js";
import { operationStates } from "./operation-states.js";

describe("operationStates", () => {
  it("renders the first change at once, then at most one state per interval, never losing the latest", () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      // Ten updates of one operation within 10 ms, then one more at 250 ms.
      const percentages = cold<number>("abcdefghij 240ms k", {
        a: 1,
        b: 2,
        c: 3,
        d: 4,
        e: 5,
        f: 6,
        g: 7,
        h: 8,
        i: 9,
        j: 10,
        k: 50,
      });
      const source$ = percentages.pipe(
        map((percent): SourceEvent => ({
          type: "operation",
          update: { key: "one", operation: makeOperation({ id: "one", percentComplete: percent }) },
          at: 0,
        })),
      );
      const shown$ = operationStates(source$, 100, scheduler).pipe(
        map((state) => state.entries.get("one")?.operation?.percentComplete),
      );
      expectObservable(shown$).toBe("a 99ms b 149ms c", { a: 1, b: 10, c: 50 });
    });
  });
});

describe("operationStates in batches", () => {
  it("folds a burst of events that arrive together into one state", () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const burst = Array.from({ length: 500 }, (_, index): SourceEvent => ({
        type: "operation",
        update: { key: `op-${index}`, operation: makeOperation({ id: `op-${index}` }) },
        at: 0,
      }));
      const source$ = cold<SourceEvent[]>("a", { a: burst }).pipe(mergeMap((events) => events));
      const sizes$ = operationStates(source$, 100, scheduler).pipe(map((state) => state.entries.size));
      expectObservable(sizes$).toBe("a", { a: 500 });
    });
  });
});
