import { setTimeout as delay } from "node:timers/promises";
import { Agent } from "undici";
import type { Dispatcher } from "undici";
import type { ClientFollowers, Observation, OperationsTask } from "./client-task.js";
import { flavours } from "./flavours.js";
import type { PlannedStart } from "./start-plan.js";
import { scenarioHeader } from "./start-plan.js";
import { describeError } from "./describe-error.js";
import type { SteadyFollow } from "./steady-run.js";
import { steadyHeaders } from "./steady-run.js";

/**
 * The floor: what the HTTP stack alone costs. The fewest lines that follow an operation over undici 8
 * (the stack @lro/core's default transport runs on): undici's dispatch handler API with a keep-alive pool
 * of the same size, the body decoded and parsed, a poll every `floorIntervalMs`, no poller at all: no
 * pacing, no model, no validation, no Observable, no cancelling, no size cap. A client's CPU per request
 * over the floor's is what that client adds to the HTTP it sends. 600 ms makes about as many polls per
 * operation in the 1,000-operation scenario as @lro/core makes there (a start costs more than a poll, so
 * the mix of the two moves the figure per request).
 */
const floorIntervalMs = 600;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const agent = new Agent({ connections: 128 });

function send(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let answerHeaders: Answer["headers"] = {};
    let text = "";
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: () => {},
      onResponseStart: (_controller, statusCode, parsed) => {
        status = statusCode;
        answerHeaders = parsed;
      },
      onResponseData: (_controller, chunk) => {
        text += chunk.toString();
      },
      onResponseEnd: () => resolve({ status, headers: answerHeaders, body: text }),
      onResponseError: (_controller, error) => reject(error),
    };
    agent.dispatch(
      { origin: url.origin, path: `${url.pathname}${url.search}`, method, headers, body },
      handler,
    );
  });
}

const terminal = new Set(["succeeded", "completed", "failed"]);

/** The monitor's status word (wherever the flavour keeps it) and the operation's id. */
function readStatus(body: string): { status: string; id: string | undefined } {
  const parsed = JSON.parse(body) as { status?: unknown; id?: unknown };
  const { status } = parsed;
  return {
    status: typeof status === "string" ? status : String((status as { state?: unknown } | undefined)?.state),
    id: typeof parsed.id === "string" ? parsed.id : undefined,
  };
}

async function follow(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<{ status: string; id: string | undefined }> {
  const started = await send(
    new URL(url),
    "POST",
    { ...headers, "content-type": "application/json" },
    JSON.stringify(body),
  );
  const location = started.headers["operation-location"] ?? started.headers["location"];
  if (started.status !== 202 || typeof location !== "string")
    throw new Error(`the start answered ${started.status} without a monitor`);
  const monitor = new URL(location, url);
  for (;;) {
    await delay(intervalMs, undefined, { signal });
    const answer = await send(monitor, "GET", { accept: "application/json" });
    if (answer.status !== 200 && answer.status !== 202) throw new Error(`a poll answered ${answer.status}`);
    const read = readStatus(answer.body);
    if (terminal.has(read.status)) return read;
  }
}

async function followFloor(task: OperationsTask, start: PlannedStart): Promise<Observation> {
  const flavour = flavours[task.flavour];
  const startedAt = Date.now();
  const signal = AbortSignal.timeout(task.capMs);
  let operationId: string | undefined;
  const settle = (outcome: Observation["outcome"], message?: string): Observation => ({
    monitorUrl: undefined,
    operationId,
    startedAt,
    settledAt: Date.now(),
    outcome,
    message,
  });
  try {
    const { status, id } = await follow(
      `${task.graphUrl}${flavour.path}`,
      scenarioHeader(task, start),
      flavour.body,
      floorIntervalMs,
      signal,
    );
    operationId = id;
    return settle(status === "failed" ? "failed" : "succeeded");
  } catch (error) {
    return signal.aborted ? settle("timeout") : settle("error", describeError(error));
  }
}

const followSteadyFloor: SteadyFollow = (task, index, signal) => {
  const flavour = flavours[task.flavour];
  const url = `${task.graphUrl}${flavour.path}`;
  return follow(url, steadyHeaders(), flavour.body, task.intervalMs, signal).catch(() => index);
};

/** What a client process of the floor runs: undici alone. */
export const floorFollowers = (): ClientFollowers => ({ operations: followFloor, steady: followSteadyFloor });
