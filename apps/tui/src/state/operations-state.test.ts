import { describe, expect, it } from "vitest";
import type { SourceEvent } from "../sources/operation-source.js";
import { describeKind } from "../format/describe-entry.js";
import { makeOperation } from "../test-support/operations.js";
import { applySourceEvent, initialOperationsState } from "./operations-state.js";

const update = (
  key: string,
  at: number,
  overrides: Parameters<typeof makeOperation>[0],
  version?: number,
): SourceEvent => ({
  type: "operation",
  update: { key, operation: makeOperation(overrides), version },
  at,
});
const fold = (events: SourceEvent[]) => events.reduce(applySourceEvent, initialOperationsState);

describe("applySourceEvent", () => {
  it("keeps the first sighting, the latest snapshot and a timeline of status changes only", () => {
    const state = fold([
      update("a", 1000, { id: "a", status: "notStarted", rawStatus: "notStarted", percentComplete: 0 }),
      update("a", 2000, { id: "a", percentComplete: 10 }),
      update("a", 3000, { id: "a", percentComplete: 30 }),
      update("a", 4000, { id: "a", status: "succeeded", rawStatus: "completed", percentComplete: 100 }),
    ]);
    const entry = state.entries.get("a");
    expect(entry).toMatchObject({ firstSeenAt: 1000, updatedAt: 4000 });
    // makeOperation's creation time is after these receipts: not believable, so the receipts are used.
    expect(entry?.timeline).toEqual([
      { status: "notStarted", rawStatus: "notStarted", at: 1000, observed: true },
      { status: "running", rawStatus: "running", at: 2000, observed: true },
      { status: "succeeded", rawStatus: "completed", at: 4000, observed: true },
    ]);
    expect(entry?.progress).toEqual({ first: { percent: 0, at: 1000 }, latest: { percent: 100, at: 4000 } });
  });

  it("dates each status change by the operation's own times when it has them, not when it was seen", () => {
    const at = (text: string) => Date.parse(text);
    const seenLate = at("2026-11-22T03:02:12Z");
    const state = fold([
      // Listed after the fact: created 03:00:00, failed at 03:01:39, seen at 03:02:12.
      update("a", seenLate, {
        id: "a",
        status: "failed",
        rawStatus: "failed",
        createdDateTime: "2026-11-22T03:00:00Z",
        lastActionDateTime: "2026-11-22T03:01:39Z",
      }),
      update("b", seenLate, {
        id: "b",
        status: "notStarted",
        rawStatus: "notStarted",
        createdDateTime: "2026-11-22T03:00:05Z",
        lastActionDateTime: undefined,
      }),
      update("b", seenLate + 5000, {
        id: "b",
        status: "running",
        rawStatus: "running",
        createdDateTime: "2026-11-22T03:00:05Z",
        lastActionDateTime: "2026-11-22T03:02:15Z",
      }),
    ]);
    expect(state.entries.get("a")?.timeline).toEqual([
      { status: "failed", rawStatus: "failed", at: at("2026-11-22T03:01:39Z"), observed: false },
    ]);
    expect(state.entries.get("b")?.timeline).toEqual([
      { status: "notStarted", rawStatus: "notStarted", at: at("2026-11-22T03:00:05Z"), observed: false },
      { status: "running", rawStatus: "running", at: at("2026-11-22T03:02:15Z"), observed: false },
    ]);
  });

  it("keeps the type a snapshot named when a later one names none (a driveItem copy once completed)", () => {
    const state = fold([
      update("a", 1000, { id: "a", kind: "asyncJobStatus", type: "ItemCopy" }),
      update("a", 2000, { id: "a", kind: "asyncJobStatus", type: undefined, status: "succeeded" }),
    ]);
    const entry = state.entries.get("a");
    expect(entry === undefined ? undefined : describeKind(entry)).toBe("ItemCopy");
    expect(entry?.operation?.type).toBeUndefined();
  });

  it("dates progress by the operation's last action, not by when a late poll or a replay brought it", () => {
    const at = (iso: string) => Date.parse(iso);
    const state = fold([
      // Listed 30 s after 3% was reached, then polled 5 s after 5% was.
      update("a", at("2026-11-22T10:00:30Z"), {
        id: "a",
        percentComplete: 3,
        lastActionDateTime: "2026-11-22T10:00:00.0000000Z",
      }),
      update("a", at("2026-11-22T10:00:40Z"), {
        id: "a",
        percentComplete: 5,
        lastActionDateTime: "2026-11-22T10:00:35Z",
      }),
      // A clock ahead of the dashboard's: never dated after it was received.
      update("b", at("2026-11-22T10:00:00Z"), {
        id: "b",
        percentComplete: 5,
        lastActionDateTime: "2026-11-22T10:05:00Z",
      }),
    ]);
    expect(state.entries.get("a")?.progress).toEqual({
      first: { percent: 3, at: at("2026-11-22T10:00:00Z") },
      latest: { percent: 5, at: at("2026-11-22T10:00:35Z") },
    });
    expect(state.entries.get("b")?.progress?.latest.at).toBe(at("2026-11-22T10:00:00Z"));
  });

  it("ignores a snapshot older than the one it has (a replay after a reconnection)", () => {
    const state = fold([
      update("a", 1000, { id: "a", percentComplete: 50 }, 7),
      update("a", 2000, { id: "a", percentComplete: 20 }, 5),
    ]);
    expect(state.entries.get("a")?.operation?.percentComplete).toBe(50);
    expect(state.entries.get("a")?.version).toBe(7);
  });

  it("records problems, removals, the connection and the end of the listing", () => {
    const state = fold([
      update("a", 1000, { id: "a" }),
      { type: "problem", key: "m", monitorUrl: "http://x/m", message: "monitor answered 404", at: 1500 },
      { type: "removed", key: "a", at: 2000 },
      { type: "connection", connection: { state: "live" }, at: 2000 },
      { type: "listed", at: 2000 },
    ]);
    expect([...state.entries.keys()]).toEqual(["m"]);
    expect(state.entries.get("m")).toMatchObject({
      problem: "monitor answered 404",
      monitorUrl: "http://x/m",
    });
    expect(state.connection).toEqual({ state: "live" });
    expect(state.listed).toBe(true);
  });
});
