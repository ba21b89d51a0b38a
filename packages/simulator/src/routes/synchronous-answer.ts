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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string property of a JSON body, if present. */
export function bodyString(body: unknown, name: string): string | undefined {
  if (!isObject(body)) return undefined;
  const value = body[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
