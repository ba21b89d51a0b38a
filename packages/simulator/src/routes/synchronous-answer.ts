import type { Exchange } from "../http/exchange.js";
import type { ResolvedScenario } from "../scenario/scenario.js";

/** An action that finished at once but whose scenario says it failed: Graph's error envelope, 400. */
export function sendSynchronousFailure(exchange: Exchange, scenario: ResolvedScenario): void {
  const error = scenario.error ?? {
    code: "invalidRequest",
    message: 'The action failed (scenario outcome "failed").',
  };
  exchange.sendError(400, error.code, error.message);
}
