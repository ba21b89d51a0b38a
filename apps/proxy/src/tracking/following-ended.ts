import { isTerminal } from "@lro/core";
import type { OperationRecord } from "../store/operation-record.js";

/**
 * Whether the proxy follows the operation no more: it ended upstream, or the proxy stopped (its deadline
 * passed, or a failure polling again cannot help). Waiting requests and event streams end then.
 */
export function followingEnded(record: Pick<OperationRecord, "operation" | "terminalAt">): boolean {
  return record.terminalAt !== undefined || isTerminal(record.operation);
}
