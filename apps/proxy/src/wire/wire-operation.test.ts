import { describe, expect, it } from "vitest";
import type { OperationRecord } from "../store/operation-record.js";
import { toWireOperation, wireOperationSchema } from "./wire-operation.js";

const record: OperationRecord = {
  id: "3f1c",
  owner: "alice",
  kind: "teamsAsyncOperation",
  monitorUrl: "https://graph.microsoft.com/v1.0/teams('a')/operations('b')",
  operation: {
    kind: "teamsAsyncOperation",
    status: "failed",
    rawStatus: "failed",
    percentComplete: 42.6,
    operationType: "cloneTeam",
    resourceId: "a",
    error: { code: "Conflict", message: "A team with that name exists" },
    raw: { status: "failed" },
  },
  awaitingAuthorization: false,
  createdAt: Date.parse("2026-01-31T10:00:00Z"),
  updatedAt: Date.parse("2026-01-31T10:05:00Z"),
  version: 12,
  schedule: { attempt: 3, consecutiveFailures: 0, pacing: {} },
};

describe("toWireOperation", () => {
  it("serves Graph's richLongRunningOperation shape with kind, upstream status, monitor and version", () => {
    const wire = toWireOperation(record);
    expect(wire).toEqual({
      id: "3f1c",
      status: "failed",
      createdDateTime: "2026-01-31T10:00:00.000Z",
      lastActionDateTime: "2026-01-31T10:05:00.000Z",
      percentageComplete: 43,
      resourceId: "a",
      type: "cloneTeam",
      error: { code: "Conflict", message: "A team with that name exists" },
      kind: "teamsAsyncOperation",
      upstreamStatus: "failed",
      monitorUrl: record.monitorUrl,
      version: 12,
    });
    expect(wireOperationSchema.parse(wire)).toEqual(wire);
  });

  it("shows the proxy's own note as statusDetail while it has one, else the monitor's", () => {
    const withDetail = { ...record, operation: { ...record.operation, statusDetail: "cloning" } };
    expect(toWireOperation(withDetail).statusDetail).toBe("cloning");
    expect(toWireOperation({ ...withDetail, statusNote: "waiting for a token" }).statusDetail).toBe(
      "waiting for a token",
    );
  });
});
