import { describe, expect, it } from "vitest";
import { makeOperation } from "../test-support/operations.js";
import type { OperationEntry } from "./operations-state.js";
import { nextSortColumn, sortByColumn, sortEntries } from "./sort-orders.js";

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
