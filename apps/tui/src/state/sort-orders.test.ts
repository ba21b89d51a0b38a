import { describe, expect, it } from "vitest";
import { makeOperation } from "../test-support/operations.js";
import type { OperationEntry } from "./operations-state.js";
import { sortEntries } from "./sort-orders.js";

const entry = (key: string, status: "running" | "failed", createdDateTime: string): OperationEntry => ({
  key,
  operation: makeOperation({ id: key, status, rawStatus: status, createdDateTime }),
  firstSeenAt: 0,
  updatedAt: 0,
  timeline: [],
});

describe("sortEntries", () => {
  it("puts failures first and, within a status, the newest first whatever the keys", () => {
    const entries = [
      entry("a-old-failure", "failed", "2026-11-22T10:00:00Z"),
      entry("b-running", "running", "2026-11-22T10:05:00Z"),
      entry("c-new-failure", "failed", "2026-11-22T10:09:00Z"),
      entry("d-older-running", "running", "2026-11-22T10:01:00Z"),
    ];
    expect(sortEntries(entries, "status").map((sorted) => sorted.key)).toEqual([
      "c-new-failure",
      "a-old-failure",
      "b-running",
      "d-older-running",
    ]);
  });
});
