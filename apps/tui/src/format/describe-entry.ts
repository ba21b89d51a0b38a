import type { OperationEntry } from "../state/operations-state.js";

/** The operation's type as last named by any snapshot, when one did. */
export function describeType(entry: OperationEntry): string | undefined {
  const operation = entry.operation;
  return operation?.type ?? operation?.operationType ?? entry.knownType;
}

/** What a row says about an operation in one line: the kind or type, and the most telling detail. */
export function describeKind(entry: OperationEntry): string {
  return describeType(entry) ?? entry.operation?.kind ?? "";
}

export function describeDetail(entry: OperationEntry): string {
  const operation = entry.operation;
  if (entry.problem !== undefined && operation?.status !== "succeeded" && operation?.status !== "failed") {
    return entry.problem;
  }
  if (operation?.error !== undefined) return `${operation.error.code}: ${operation.error.message}`;
  return operation?.statusDetail ?? "";
}
