import { simulatedOperationKinds } from "@lro/simulator";
import { describe, expect, it } from "vitest";
import { operationKinds } from "./operation-kind.js";

/**
 * Flavours @lro/core reads that the simulator does not serve yet. Keep it short and exact: the test fails
 * when one of them becomes simulated (take it off) as well as when a new kind appears on either side only.
 */
const notSimulatedYet: string[] = [];

// The simulator keeps its own list (it does not depend on @lro/core at run time); this test, on core's
// side, where the simulator is already a development dependency, keeps the two lists in step.
describe("the simulator's operation kinds", () => {
  it("are @lro/core's, every one, but for the few listed as not simulated yet", () => {
    expect(new Set(simulatedOperationKinds).size).toBe(simulatedOperationKinds.length);
    expect([...simulatedOperationKinds, ...notSimulatedYet].sort()).toEqual([...operationKinds].sort());
  });
});
