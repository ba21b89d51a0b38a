import { createEnginePolicy, firstPoll, initialEngineState, step, type Operation } from "@lro/core";
import { describe, expect, it } from "vitest";
import type { OperationRecord } from "../store/operation-record.js";
import { readEngineState, toEngineRow } from "./engine-row.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/teams('a')/operations('b')";
const running: Operation = {
  kind: "teamsAsyncOperation",
  status: "running",
  rawStatus: "inProgress",
  raw: {},
};

function record(fields: Partial<OperationRecord["schedule"]>, attempt = 2): OperationRecord {
  return {
    id: "1",
    owner: "alice",
    kind: "teamsAsyncOperation",
    monitorUrl,
    requestUrl: "https://graph.microsoft.com/v1.0/teams/a/clone",
    operation: running,
    awaitingAuthorization: false,
    createdAt: 1_000,
    updatedAt: 5_000,
    version: 3,
    schedule: { dueAt: 9_000, attempt, consecutiveFailures: 0, pacing: {}, ...fields },
  };
}

describe("the engine state in a row", () => {
  it("round-trips through the pacing column, the snapshot kept in the row's own column", () => {
    const policy = createEnginePolicy();
    const begun = firstPoll(
      initialEngineState({ monitorUrl, now: 1_000, deadline: 99_000 }),
      policy,
      1_000,
    ).state;
    const answer = { operation: running, httpStatus: 200, receivedAt: 2_000, retryAfterMs: 7_000 };
    const { state } = step(begun, { type: "answer", answer }, policy, 2_000);
    const row = toEngineRow(state);
    expect(row).not.toHaveProperty("operation");
    const read = readEngineState(record({ pacing: JSON.parse(JSON.stringify(row)) as never }, 1), 5);
    expect(read).toEqual(state);
  });

  it("reads a row of the format before the engine (samples, retryAfterMs, kind) as a state", () => {
    const samples = [{ receivedAt: 2_000, status: "running", percentComplete: 10 }];
    const old = record({ pacing: { samples, retryAfterMs: 4_000, kind: "teamsAsyncOperation" } });
    expect(readEngineState(old, 50_000)).toEqual({
      version: 2,
      monitorUrl,
      requestUrl: "https://graph.microsoft.com/v1.0/teams/a/clone",
      kind: "teamsAsyncOperation",
      operation: running,
      samples,
      attempt: 2,
      failures: 0,
      retryAfterMs: 4_000,
      nextPollAt: 9_000,
      deadline: 50_000,
    });
  });

  it("starts pacing afresh from a value it cannot read, rather than failing", () => {
    const broken = record({ pacing: { samples: "nope", kind: "notAKind" } as never });
    const state = readEngineState(broken, 50_000);
    expect(state).toMatchObject({ version: 2, samples: [], attempt: 2, nextPollAt: 9_000, deadline: 50_000 });
    expect(state.kind).toBeUndefined();
  });
});
