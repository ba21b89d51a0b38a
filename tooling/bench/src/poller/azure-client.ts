import { createHttpPoller } from "@azure/core-lro";
import type { OperationResponse, RunningOperation } from "@azure/core-lro";
import type { ClientFollowers, Observation, OperationsTask } from "./client-task.js";
import { flavours } from "./flavours.js";
import type { PlannedStart } from "./start-plan.js";
import { scenarioHeader } from "./start-plan.js";
import { describeError } from "./describe-error.js";
import type { SteadyFollow } from "./steady-run.js";
import { steadyHeaders } from "./steady-run.js";

/** A fetch answer in @azure/core-lro's shape: lower-case headers, the body parsed when it is JSON. */
async function toOperationResponse(
  response: Response,
  method: string,
  url: string,
): Promise<OperationResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    flatResponse: body,
    rawResponse: { statusCode: response.status, request: { method, url }, headers, body },
  };
}

/** The smallest `RunningOperation` a user writes for @azure/core-lro over global fetch. */
export function fetchRunningOperation(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal?: AbortSignal,
): RunningOperation {
  return {
    sendInitialRequest: async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal,
      });
      return toOperationResponse(response, "POST", url);
    },
    sendPollRequest: async (path, options) => {
      const response = await fetch(path, { signal: options?.abortSignal as AbortSignal | undefined });
      return toOperationResponse(response, "GET", path);
    },
  };
}

/** Starts one operation and polls it with `createHttpPoller` at its default interval (2 s, or Retry-After). */
export async function followWithAzure(task: OperationsTask, start: PlannedStart): Promise<Observation> {
  const flavour = flavours[task.flavour];
  const startedAt = Date.now();
  let monitorUrl: string | undefined;
  const signal = AbortSignal.timeout(task.capMs);
  const operation = fetchRunningOperation(
    `${task.graphUrl}${flavour.path}`,
    scenarioHeader(task, start),
    flavour.body,
    signal,
  );
  const poller = createHttpPoller(operation, {
    withOperationLocation: (location) => {
      monitorUrl ??= location;
    },
  });
  const settle = (outcome: Observation["outcome"], message?: string): Observation => ({
    monitorUrl,
    operationId: undefined,
    startedAt,
    settledAt: Date.now(),
    outcome,
    message,
  });
  try {
    await poller.pollUntilDone({ abortSignal: signal });
    return settle("succeeded");
  } catch (error) {
    if (signal.aborted) return settle("timeout");
    if (poller.operationState?.status === "failed") return settle("failed");
    return settle("error", describeError(error));
  }
}

/** Follows one long operation with `createHttpPoller` at the steady task's fixed interval until `signal` aborts. */
export const followSteadyWithAzure: SteadyFollow = (task, index, signal) => {
  const flavour = flavours[task.flavour];
  const url = `${task.graphUrl}${flavour.path}`;
  const poller = createHttpPoller(fetchRunningOperation(url, steadyHeaders(), flavour.body), {
    intervalInMs: task.intervalMs,
  });
  return poller.pollUntilDone({ abortSignal: signal }).catch(() => index);
};

/** What a client process of @azure/core-lro runs: nothing of @lro/core is loaded into it. */
export const azureFollowers = (): ClientFollowers => ({
  operations: followWithAzure,
  steady: followSteadyWithAzure,
});
