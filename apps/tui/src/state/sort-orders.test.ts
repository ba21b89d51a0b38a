import { describe, expect, it } from "vitest";
import { makeOperation } from "../test-support/operations.js";
import type { OperationEntry } from "./operations-state.js";
import { nextSortColumn, resortEntries, sortByColumn, sortColumns, sortEntries } from "./sort-orders.js";

const entry = (
  key: string,
  status: "running" | "failed",
  createdDateTime: string,
  percentComplete?: number,
): OperationEntry => ({
  key,
  operation: makeOperation({ id: key, status, rawStatus: status, createdDateTime, percentComplete }),
  firstSeenAt: 0,
  updatedAt: 0,
  timeline: [],
});

const entries = [
  entry("a-old-failure", "failed", "2026-11-22T10:00:00Z", 10),
  entry("b-running", "running", "2026-11-22T10:05:00Z", 80),
  entry("c-new-failure", "failed", "2026-11-22T10:09:00Z"),
  entry("d-older-running", "running", "2026-11-22T10:01:00Z", 40),
];
const keys = (sorted: OperationEntry[]) => sorted.map((sorted) => sorted.key);

describe("sortEntries", () => {
  it("puts failures first and, within a status, the newest first whatever the keys", () => {
    expect(keys(sortEntries(entries, { column: "status", reversed: false }))).toEqual([
      "c-new-failure",
      "a-old-failure",
      "b-running",
      "d-older-running",
    ]);
  });

  it("sorts by age newest first, by progress most done first, by id A to Z, and reverses each", () => {
    expect(keys(sortEntries(entries, { column: "age", reversed: false }))).toEqual([
      "c-new-failure",
      "b-running",
      "d-older-running",
      "a-old-failure",
    ]);
    expect(keys(sortEntries(entries, { column: "age", reversed: true }))).toEqual([
      "a-old-failure",
      "d-older-running",
      "b-running",
      "c-new-failure",
    ]);
    expect(keys(sortEntries(entries, { column: "progress", reversed: false }))).toEqual([
      "b-running",
      "d-older-running",
      "a-old-failure",
      "c-new-failure",
    ]);
    expect(keys(sortEntries(entries, { column: "id", reversed: true }))[0]).toBe("d-older-running");
  });

  it("steps through the columns with s and reverses the sorted column on a second choice", () => {
    expect(nextSortColumn({ column: "age", reversed: true })).toEqual({
      column: "lastAction",
      reversed: false,
    });
    expect(nextSortColumn({ column: "detail", reversed: false })).toEqual({ column: "age", reversed: false });
    expect(sortByColumn({ column: "age", reversed: false }, "age")).toEqual({
      column: "age",
      reversed: true,
    });
    expect(sortByColumn({ column: "age", reversed: true }, "kind")).toEqual({
      column: "kind",
      reversed: false,
    });
  });
});

describe("resortEntries", () => {
  it("gives what a full sort gives after a few operations changed, came or went, in every order", () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      entry(
        `op-${String(index).padStart(3, "0")}`,
        index % 7 === 0 ? "failed" : "running",
        new Date(Date.parse("2026-11-22T10:00:00Z") + ((index * 7919) % 300) * 1000).toISOString(),
        (index * 13) % 100,
      ),
    );
    const before = new Map(many.map((row) => [row.key, row]));
    const after = new Map(before);
    after.set("op-010", entry("op-010", "failed", "2026-11-22T11:00:00Z", 5));
    after.set("op-200", { ...entry("op-200", "running", "2026-11-22T09:00:00Z", 99), updatedAt: 5 });
    after.delete("op-050");
    after.set("op-new", entry("op-new", "running", "2026-11-22T10:02:30Z", 50));
    for (const column of sortColumns) {
      for (const reversed of [false, true]) {
        const order = { column, reversed };
        const previous = sortEntries([...before.values()], order);
        expect(keys(resortEntries(before, previous, after, order))).toEqual(
          keys(sortEntries([...after.values()], order)),
        );
      }
    }
  });
});
