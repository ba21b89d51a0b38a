import type { OperationStatus } from "@lro/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceEvent } from "../sources/operation-source.js";
import { makeOperation } from "../test-support/operations.js";
import { parseFilter } from "./entry-filter.js";
import { countByStatus, isFinished } from "./entry-status.js";
import type { OperationsState } from "./operations-state.js";
import { applySourceEvents, initialOperationsState } from "./operations-state.js";
import { sortColumns, sortEntries } from "./sort-orders.js";
import type { Rows } from "./visible-rows.js";
import { nextRows } from "./visible-rows.js";

const translate = (key: string) => key;
const statuses: OperationStatus[] = ["notStarted", "running", "succeeded", "failed", "unknownFutureValue"];

/** Events on a few hundred keys: updates (sometimes stale), problems and removals, in random batches. */
const keyArbitrary = fc.integer({ min: 0, max: 300 }).map((index) => `key-${index}`);
const eventArbitrary: fc.Arbitrary<SourceEvent> = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        key: keyArbitrary,
        status: fc.constantFrom(...statuses),
        percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        version: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        minute: fc.integer({ min: 0, max: 59 }),
        type: fc.constantFrom("siteCopy", "ItemCopy", "contentTypeCopy"),
      }),
    },
    { weight: 1, arbitrary: fc.record({ key: keyArbitrary, problem: fc.constantFrom("gone", "refused") }) },
    { weight: 1, arbitrary: fc.record({ key: keyArbitrary, removed: fc.constant(true) }) },
  )
  .map((drawn): SourceEvent => {
    if ("removed" in drawn) return { type: "removed", key: drawn.key, at: 1 };
    if ("problem" in drawn) return { type: "problem", key: drawn.key, message: drawn.problem, at: 1 };
    const minute = String(drawn.minute).padStart(2, "0");
    return {
      type: "operation",
      update: {
        key: drawn.key,
        operation: makeOperation({
          id: drawn.key,
          status: drawn.status,
          percentComplete: drawn.percent,
          type: drawn.type,
          createdDateTime: `2026-11-22T15:${minute}:00Z`,
        }),
        version: drawn.version,
      },
      at: 1,
    };
  });
const batchesArbitrary = fc.array(fc.array(eventArbitrary, { minLength: 1, maxLength: 40 }), {
  minLength: 1,
  maxLength: 40,
});
const viewArbitrary = fc.record({
  sort: fc.record({ column: fc.constantFrom(...sortColumns), reversed: fc.boolean() }),
  filter: fc.constantFrom("", "failed", "key-1", "-succeeded", "kind:site"),
  hideFinished: fc.boolean(),
});

/** The states after each batch. */
function statesOf(batches: readonly SourceEvent[][]): OperationsState[] {
  const states: OperationsState[] = [];
  let state = initialOperationsState;
  for (const batch of batches) {
    state = applySourceEvents(state, batch);
    states.push(state);
  }
  return states;
}

describe("the reducer's incremental counts and changed keys", () => {
  it("equal a full recount and a full comparison after every batch", () => {
    fc.assert(
      fc.property(batchesArbitrary, (batches) => {
        let before = initialOperationsState;
        const reference = new Map<string, unknown>();
        for (const state of statesOf(batches)) {
          expect(state.counts).toEqual(countByStatus(state.entries.values()));
          expect(state.revision).toBe(before.revision + 1);
          const keys = new Set([...before.entries.keys(), ...state.entries.keys()]);
          const differing = [...keys].filter((key) => before.entries.get(key) !== state.entries.get(key));
          for (const key of differing) expect(state.changed.has(key)).toBe(true);
          // The persistent map reads as a plain map would: same keys, same entries, the right size.
          for (const key of differing) {
            const entry = state.entries.get(key);
            if (entry === undefined) reference.delete(key);
            else reference.set(key, entry);
          }
          expect(state.entries.size).toBe(reference.size);
          expect(new Map(state.entries)).toEqual(reference);
          for (const key of keys) expect(state.entries.has(key)).toBe(reference.has(key));
          before = state;
        }
      }),
      { numRuns: 150 },
    );
  });

  it("leave the state a batch started from as it was", () => {
    const first = applySourceEvents(initialOperationsState, [
      { type: "operation", update: { key: "a", operation: makeOperation({ id: "a" }) }, at: 1 },
    ]);
    const second = applySourceEvents(first, [{ type: "removed", key: "a", at: 2 }]);
    expect([...first.entries.keys()]).toEqual(["a"]);
    expect(first.counts.running).toBe(1);
    expect(second.entries.size).toBe(0);
    expect(second.counts.running).toBe(0);
    expect([...second.changed]).toEqual(["a"]);
  });
});

describe("nextRows", () => {
  it("keeps the rows equal to sorting and filtering every operation again, batch after batch", () => {
    fc.assert(
      fc.property(batchesArbitrary, viewArbitrary, fc.array(fc.boolean()), (batches, view, skips) => {
        const filter = parseFilter(view.filter, translate);
        const input = { sort: view.sort, filter, hideFinished: view.hideFinished };
        let rows: Rows | undefined;
        statesOf(batches).forEach((state, index) => {
          // A render may skip a state (two batches land before React renders): then the rows catch up.
          if (skips[index] === true) return;
          rows = nextRows(rows, { ...input, state });
          const expected = sortEntries([...state.entries.values()], view.sort).filter(
            (entry) => !(view.hideFinished && isFinished(entry)) && filter.matches(entry),
          );
          expect(rows.shown.map((entry) => entry.key)).toEqual(expected.map((entry) => entry.key));
          expect(rows.shown).toEqual(expected);
          expect(rows.keys.length).toBe(expected.length);
          expected.forEach((entry, at) => {
            expect(rows?.keys.at(at)).toBe(entry.key);
            expect(rows?.keys.indexOf(entry.key)).toBe(at);
          });
          for (const key of state.entries.keys()) {
            if (!expected.some((entry) => entry.key === key)) expect(rows.keys.indexOf(key)).toBe(-1);
          }
          expect(rows.keys.at(-1)).toBeUndefined();
        });
      }),
      { numRuns: 150 },
    );
  });

  it("follows a change of sort or filter with the same operations, and returns the same rows for the same input", () => {
    const [state] = statesOf([
      ["a", "b", "c"].map((key, index) => ({
        type: "operation" as const,
        update: {
          key,
          operation: makeOperation({
            id: key,
            status: statuses[index],
            createdDateTime: `2026-11-22T15:0${index}:00Z`,
          }),
        },
        at: 1,
      })),
    ]);
    if (state === undefined) throw new Error("no state");
    const input = {
      state,
      sort: { column: "age" as const, reversed: false },
      filter: parseFilter("", translate),
      hideFinished: false,
    };
    const byAge = nextRows(undefined, input);
    expect(byAge.shown.map((entry) => entry.key)).toEqual(["c", "b", "a"]);
    expect(nextRows(byAge, input)).toBe(byAge);
    const reversed = nextRows(byAge, { ...input, sort: { column: "age", reversed: true } });
    expect(reversed.shown.map((entry) => entry.key)).toEqual(["a", "b", "c"]);
    const running = nextRows(reversed, {
      ...input,
      sort: reversed.input.sort,
      filter: parseFilter("running", translate),
    });
    expect(running.shown.map((entry) => entry.key)).toEqual(["b"]);
    expect(running.sorted).toBe(reversed.sorted);
  });
});
