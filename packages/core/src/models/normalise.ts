import type { Flavour } from "./flavour.js";
import type { Operation, OperationWarning } from "./operation.js";

/** A payload parsed by its flavour's schema, as the normalised `Operation` (absent values left out). */
export function normalise(
  flavour: Flavour,
  parsed: Record<string, unknown>,
  raw: Record<string, unknown>,
  warnings: readonly OperationWarning[] = [],
): Operation {
  // Later properties win, in the order of first appearance; then undefined values are left out.
  const merged: Record<string, unknown> = { kind: flavour.kind };
  const { properties } = flavour;
  for (const name in properties) {
    const property = properties[name]!;
    if (property.field !== undefined) merged[property.field] = parsed[name];
    else Object.assign(merged, property.read(parsed[name]));
  }
  if (warnings.length > 0) merged["warnings"] = [...warnings];
  merged["raw"] = raw;
  const operation: Record<string, unknown> = {};
  for (const field in merged) if (merged[field] !== undefined) operation[field] = merged[field];
  return operation as unknown as Operation;
}
