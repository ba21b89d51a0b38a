import { createTransport, OperationFailedError, PollTimeoutError, startOperation } from "@lro/core";
import type { PollOptions, ResumeToken } from "@lro/core";
import type { ClientFollowers, ClientName, Observation, OperationsTask } from "./client-task.js";
import { flavours } from "./flavours.js";
import type { PlannedStart } from "./start-plan.js";
import { scenarioHeader } from "./start-plan.js";
import { describeError } from "./describe-error.js";
import type { SteadyFollow } from "./steady-run.js";
import { steadyHeaders } from "./steady-run.js";

/** @lro/core's options for a client: nothing (the default undici pool), or a transport over global fetch. */
export function lroCoreOptions(client: ClientName): PollOptions {
  return client === "lro-core/fetch" ? { transport: createTransport({ fetch: globalThis.fetch }) } : {};
}

/** Starts one operation with `startOperation` and follows it to its end, as a user of @lro/core would. */
export function followWithLroCore(
  task: OperationsTask,
  start: PlannedStart,
  options: PollOptions,
): Promise<Observation> {
  const flavour = flavours[task.flavour];
  const startedAt = Date.now();
  let monitorUrl: string | undefined;
  let operationId: string | undefined;
  const settle = (outcome: Observation["outcome"], message?: string): Observation => ({
    monitorUrl,
    operationId,
    startedAt,
    settledAt: Date.now(),
    outcome,
    message,
  });
  return new Promise((resolve) => {
    startOperation(
      { url: `${task.graphUrl}${flavour.path}`, headers: scenarioHeader(task, start), body: flavour.body },
      {
        ...options,
        timeout: task.capMs,
        // The records are joined by id; only an asyncJobStatus (no id) needs the monitor address.
        ...(task.flavour === "driveItemCopy"
          ? { onResumeToken: (token: ResumeToken) => (monitorUrl ??= token.monitorUrl) }
          : {}),
      },
    ).subscribe({
      next: (operation) => {
        operationId ??= operation.id;
      },
      complete: () => resolve(settle("succeeded")),
      error: (error: unknown) => {
        if (OperationFailedError.isInstance(error)) resolve(settle("failed"));
        else if (PollTimeoutError.isInstance(error)) resolve(settle("timeout"));
        else resolve(settle("error", describeError(error)));
      },
    });
  });
}

/** Follows one long operation at the steady task's fixed interval (not adaptive) until `signal` aborts. */
function followSteadyWithLroCore(options: PollOptions): SteadyFollow {
  return (task, index, signal) => {
    const flavour = flavours[task.flavour];
    const url = `${task.graphUrl}${flavour.path}`;
    const pollOptions = { ...options, interval: task.intervalMs, adaptive: false, signal };
    return new Promise((resolve) => {
      startOperation({ url, headers: steadyHeaders(), body: flavour.body }, pollOptions).subscribe({
        error: () => resolve(index),
        complete: () => resolve(index),
      });
    });
  };
}

/** What a client process of @lro/core runs: nothing of @azure/core-lro is loaded into it. */
export function lroCoreFollowers(client: ClientName): ClientFollowers {
  const options = lroCoreOptions(client);
  return {
    operations: (task, start) => followWithLroCore(task, start, options),
    steady: followSteadyWithLroCore(options),
  };
}
