import { setTimeout as delay } from "node:timers/promises";
import type { Exchange, HeaderValues } from "../http/exchange.js";
import { formatRetryAfter } from "../http/retry-after.js";
import { malformedBody, sendMonitorError, sendThrottled } from "../faults/fault-answers.js";
import { inPollWindow } from "../faults/poll-window.js";
import type { RenderMonitor } from "../flavours/monitor-answer.js";
import { hasPreference } from "../http/prefer.js";
import { hasEvolvableStatus, includeUnknownEnumMembers } from "../records/evolvable-enum.js";
import type { SimulatedOperation } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";
import { snapshotAt, type OperationSnapshot } from "../timeline/operation-timeline.js";

/** A status from the future reads `unknownFutureValue` unless the client asked for new enum members. */
function hideUnknownValue(snapshot: OperationSnapshot, hide: boolean): OperationSnapshot {
  return hide && snapshot.phase === "future" ? { ...snapshot, futureValue: "unknownFutureValue" } : snapshot;
}

/**
 * One monitor GET: counts the poll, applies the scenario's faults in a fixed order (drop, slow, monitor
 * error, throttle, malformed) and otherwise answers the flavour's JSON for the current instant.
 */
export async function answerMonitor(
  state: SimulatorState,
  exchange: Exchange,
  operation: SimulatedOperation,
  render: RenderMonitor,
): Promise<void> {
  const { scenario } = operation;
  const poll = state.store.recordPoll(operation, exchange.now);
  if (inPollWindow(scenario.drop, poll, 1)) return exchange.drop();
  if (scenario.slow !== undefined && inPollWindow(scenario.slow, poll, Infinity)) {
    await delay(scenario.slow.delayMs);
  }
  if (scenario.monitorError !== undefined && inPollWindow(scenario.monitorError, poll, Infinity)) {
    return sendMonitorError(exchange, scenario.monitorError);
  }
  if (scenario.throttle !== undefined && inPollWindow(scenario.throttle, poll, 1)) {
    return sendThrottled(exchange, scenario.throttle, scenario);
  }
  const evolvable = hasEvolvableStatus(operation.kind);
  const includeUnknown = evolvable && hasPreference(exchange.header("prefer"), includeUnknownEnumMembers);
  const snapshot = hideUnknownValue(
    snapshotAt(operation.timeline, state.now()),
    evolvable && !includeUnknown,
  );
  const answer = render(operation, snapshot, { graphOrigin: state.graphOrigin });
  const headers: HeaderValues = { ...answer.headers };
  if (includeUnknown) headers["preference-applied"] = includeUnknownEnumMembers;
  const terminal = snapshot.phase === "succeeded" || snapshot.phase === "failed";
  const retryAfterSeconds = scenario.monitorRetryAfterSeconds ?? scenario.retryAfterSeconds;
  if (!terminal && retryAfterSeconds !== undefined) {
    headers["retry-after"] = formatRetryAfter(retryAfterSeconds, scenario.retryAfterFormat, exchange.now);
  }
  if (inPollWindow(scenario.malformed, poll, 1)) {
    const status = answer.status === 303 ? 200 : answer.status;
    const { location: _location, ...rest } = headers;
    return exchange.send(status, { ...rest, "content-type": "application/json" }, malformedBody(answer.body));
  }
  if (answer.body === undefined) return exchange.send(answer.status, headers);
  exchange.sendJson(answer.status, answer.body, headers);
}
