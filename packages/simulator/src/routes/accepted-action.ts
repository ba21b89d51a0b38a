import type { SimulatedOperationKind } from "../records/operation-kind.js";
import type { GraphVersion } from "../records/simulated-operation.js";
import { createOperation } from "./create-operation.js";
import { requestScenario } from "./request-scenario.js";
import type { Route, RouteContext } from "./route.js";
import { sendAccepted } from "./send-accepted.js";

export interface AcceptedActionInput {
  name: string;
  method: "POST" | "PATCH";
  pattern: RegExp;
  kind: SimulatedOperationKind;
  /** Served on beta only (404 on v1.0), as Graph documents the action. */
  betaOnly?: boolean;
  /** The flavour-specific details, from the path's groups and the versioned origin (`http://…/v1.0`). */
  details(groups: readonly (string | undefined)[], base: string): Record<string, string>;
  /** The monitor's absolute address. */
  monitor(groups: readonly (string | undefined)[], id: string, base: string): string;
}

/** An action that answers 202 Accepted with its monitor in `Location`. */
export function acceptedAction(input: AcceptedActionInput): Route {
  return {
    name: input.name,
    method: input.method,
    pattern: input.pattern,
    handle(context: RouteContext) {
      const { state, exchange, groups, version } = context;
      if (input.betaOnly && version !== "beta")
        return exchange.sendError(404, "ResourceNotFound", `${input.name} is served on beta only.`);
      const scenario = requestScenario(state, exchange);
      if (scenario === undefined) return;
      const base = `${state.graphOrigin}/${version satisfies GraphVersion}`;
      const operation = createOperation(state, {
        kind: input.kind,
        action: input.name,
        version,
        scenario,
        details: input.details(groups, base),
        monitorUrl: (id) => input.monitor(groups, id, base),
        now: exchange.now,
      });
      sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
    },
  };
}
