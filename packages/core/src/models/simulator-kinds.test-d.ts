import type { SimulatedOperationKind } from "@lro/simulator";
import { expectTypeOf, test } from "vitest";
import type { OperationKind } from "./operation-kind.js";

test("every kind the simulator serves is a kind of @lro/core", () => {
  expectTypeOf<SimulatedOperationKind>().toExtend<OperationKind>();
});
