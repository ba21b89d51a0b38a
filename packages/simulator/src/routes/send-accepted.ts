import type { HeaderValues, Exchange } from "../http/exchange.js";
import { formatRetryAfter } from "../http/retry-after.js";
import type { SimulatedOperation } from "../records/simulated-operation.js";

export interface AcceptedAnswer {
  /** The header that carries the monitor address. */
  header: "location" | "operation-location";
  /** The header's value (absolute, or relative as Teams writes it). */
  location: string;
  /** Retry-After this action sends when the scenario names none. */
  defaultRetryAfterSeconds?: number;
  headers?: HeaderValues;
}

/** 202 Accepted with the monitor address and, where due, Retry-After. */
export function sendAccepted(
  exchange: Exchange,
  operation: SimulatedOperation,
  answer: AcceptedAnswer,
): void {
  const { scenario } = operation;
  const retryAfterSeconds = scenario.retryAfterSeconds ?? answer.defaultRetryAfterSeconds;
  const headers: HeaderValues = { [answer.header]: answer.location, ...answer.headers };
  if (retryAfterSeconds !== undefined) {
    headers["retry-after"] = formatRetryAfter(retryAfterSeconds, scenario.retryAfterFormat, exchange.now);
  }
  exchange.send(202, headers);
}
