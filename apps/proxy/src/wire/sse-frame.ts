import type { OperationChange } from "../store/operation-change.js";
import type { LinkContext } from "./public-links.js";
import { toWireOperation } from "./wire-operation.js";

/**
 * One Server-Sent Event for a change: `event: operation` with the operation's wire JSON, or
 * `event: deleted` with `{ "id": ... }`; `id:` is the change's version, so a client resumes with
 * `Last-Event-ID`. JSON has no raw line breaks, so `data` is always one line.
 */
export function formatChangeEvent(change: OperationChange, links?: LinkContext): string {
  const data =
    change.type === "operation"
      ? JSON.stringify(toWireOperation(change.record, links))
      : JSON.stringify({ id: change.id });
  return `event: ${change.type}\nid: ${change.version}\ndata: ${data}\n\n`;
}

/** A comment line: keeps the connection and any intermediary from timing out; clients ignore it. */
export const heartbeatFrame = ": heartbeat\n\n";
