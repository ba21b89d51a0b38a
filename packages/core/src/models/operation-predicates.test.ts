import { describe, expect, it } from "vitest";
import { isFailed, isSucceeded, isTerminal } from "./operation-predicates.js";
import { parseOperation } from "./parse-operation.js";

describe("the predicates", () => {
  it.each([
    ["notStarted", false, false, false],
    ["running", false, false, false],
    ["succeeded", true, true, false],
    ["failed", true, false, true],
    ["unknownFutureValue", false, false, false],
  ] as const)("%s: terminal %s, succeeded %s, failed %s", (status, terminal, succeeded, failed) => {
    expect(isTerminal({ status })).toBe(terminal);
    expect(isSucceeded({ status })).toBe(succeeded);
    expect(isFailed({ status })).toBe(failed);
  });

  it("reads terminal states of every vocabulary", () => {
    expect(isSucceeded(parseOperation({ status: "completed", resourceId: "x" }))).toBe(true);
    expect(isFailed(parseOperation({ status: "deleteFailed" }))).toBe(true);
    expect(isTerminal(parseOperation({ status: "deletePending" }))).toBe(false);
    const invalid = parseOperation({ id: "1", status: "invalid", attemptsCount: 1 });
    expect(invalid).toMatchObject({
      kind: "teamsAsyncOperation",
      status: "unknownFutureValue",
      rawStatus: "invalid",
    });
    expect(isTerminal(invalid)).toBe(false);
    expect(isTerminal(parseOperation({ id: "1", status: "Paused", type: "t" }))).toBe(false);
  });
});
