import type { EgressPolicy } from "../security/egress-policy.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import type { NotificationProgress, OperationRecord } from "../store/operation-record.js";
import { toWireOperation } from "../wire/wire-operation.js";

export interface NotificationOptions {
  /** Attempts before giving up. Default 8. */
  maxAttempts: number;
  /** The delay after the first failed attempt; doubles with each further failure. Default 1 s. */
  initialDelayMs: number;
  /** The longest delay between attempts. Default 5 min. */
  maxDelayMs: number;
  /** How long one attempt may take. Default 10 s. */
  timeoutMs: number;
  /** The client that posts (the proxy's upstream client's `fetch`, so its connection checks apply). */
  fetch: typeof globalThis.fetch;
}

export const defaultNotificationOptions: Omit<NotificationOptions, "fetch"> = {
  maxAttempts: 8,
  initialDelayMs: 1000,
  maxDelayMs: 300_000,
  timeoutMs: 10_000,
};

export interface DeliveryContext {
  egress: Pick<EgressPolicy, "assertAllowed">;
  options: NotificationOptions;
  now: () => number;
}

/**
 * One attempt to POST the finished operation (its wire JSON) to its `notificationUrl`: only to an origin
 * the egress policy allows, never with a caller's token, redirects not followed. A 2xx answer delivers
 * it; anything else is retried with exponential backoff until `maxAttempts`; a refused origin is not retried.
 */
export async function deliverNotification(
  record: OperationRecord,
  context: DeliveryContext,
): Promise<{ progress: NotificationProgress; problem?: string }> {
  const attempts = (record.notification?.attempts ?? 0) + 1;
  const url = new URL(record.notificationUrl ?? "");
  let problem: string;
  try {
    await context.egress.assertAllowed(url);
    const response = await context.options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-operation-id": record.id },
      body: JSON.stringify(toWireOperation(record)),
      redirect: "manual",
      signal: AbortSignal.timeout(context.options.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { progress: { state: "delivered", attempts } };
    problem = `${url.origin} answered HTTP ${response.status}`;
  } catch (error) {
    if (EgressDeniedError.isInstance(error))
      return { progress: { state: "failed", attempts }, problem: error.message };
    problem = `${url.origin} could not be reached: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (attempts >= context.options.maxAttempts) return { progress: { state: "failed", attempts }, problem };
  const delay = Math.min(context.options.maxDelayMs, context.options.initialDelayMs * 2 ** (attempts - 1));
  return { progress: { state: "pending", attempts, dueAt: context.now() + delay }, problem };
}
