import { type WireTracking } from "@lro/client";
import type { JsonValue, OperationRecord } from "../store/operation-record.js";

type JsonRecord = { [key: string]: JsonValue };
const isRecord = (value: JsonValue | undefined): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const iso = (value: JsonValue | undefined) =>
  typeof value === "number" && Number.isFinite(value) ? new Date(value).toISOString() : undefined;

/** The tracking of a record, read from its engine state (see `tracking/engine-row.ts`); undefined when there is nothing to say. */
export function trackingOf(record: OperationRecord): WireTracking | undefined {
  const { pacing } = record.schedule;
  const stopped = pacing["stopped"];
  if (isRecord(stopped) && stopped["reason"] === "deadlineExceeded") {
    const since = iso(stopped["at"]);
    return { state: "stopped", reason: "deadlineExceeded", ...(since === undefined ? {} : { since }) };
  }
  if (record.terminalAt !== undefined) return undefined;
  if (record.awaitingAuthorization) return { state: "awaitingToken" };
  const trouble = pacing["trouble"];
  if (!isRecord(trouble)) return undefined;
  const kind = trouble["kind"];
  if (kind !== "throttled" && kind !== "unreachable") return undefined;
  const tracking: WireTracking = { state: kind };
  const since = iso(trouble["since"]);
  if (since !== undefined) tracking.since = since;
  if (typeof trouble["polls"] === "number") tracking.failedPolls = trouble["polls"];
  const { code, message, httpStatus } = trouble;
  if (typeof code === "string" && typeof message === "string") {
    tracking.lastError = { code, message, ...(typeof httpStatus === "number" ? { httpStatus } : {}) };
  }
  return tracking;
}
