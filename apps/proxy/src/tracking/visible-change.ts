import type { Operation } from "@lro/core";

const visibleFields = [
  "kind",
  "status",
  "rawStatus",
  "percentComplete",
  "statusDetail",
  "lastActionDateTime",
  "resourceLocation",
  "resourceId",
  "type",
  "operationType",
] as const satisfies readonly (keyof Operation)[];

/** Whether a new snapshot changes what a client sees of the operation (and so earns a new version). */
export function isVisibleChange(previous: Operation, next: Operation): boolean {
  return (
    visibleFields.some((field) => previous[field] !== next[field]) ||
    JSON.stringify(previous.error) !== JSON.stringify(next.error)
  );
}
