import type { Flavour } from "./flavour.js";
import type { Operation, OperationWarning } from "./operation.js";

/** Whether no two of a flavour's properties feed one field: then one pass in order gives the same result. */
const feedsOnce = new WeakMap<Flavour, boolean>();

function feedsEachFieldOnce(flavour: Flavour): boolean {
  let once = feedsOnce.get(flavour);
  if (once === undefined) {
    const fed = new Set<string>();
    once = true;
    for (const name in flavour.properties)
      for (const field of flavour.properties[name]!.feeds) {
        if (fed.has(field)) once = false;
        fed.add(field);
      }
    feedsOnce.set(flavour, once);
  }
  return once;
}

/** A payload parsed by its flavour's schema, as the normalised `Operation` (absent values left out). */
export function normalise(
  flavour: Flavour,
  parsed: Record<string, unknown>,
  raw: Record<string, unknown>,
  warnings: readonly OperationWarning[] = [],
): Operation {
  const { properties } = flavour;
  const operation: Record<string, unknown> = { kind: flavour.kind };
  if (feedsEachFieldOnce(flavour)) {
    // Each field fed once (every flavour Graph documents): its values in order, absent ones left out.
    for (const name in properties) {
      const property = properties[name]!;
      if (property.field !== undefined) {
        const value = parsed[name];
        if (value !== undefined) operation[property.field] = value;
      } else {
        const read = property.read(parsed[name]);
        for (const field in read) {
          const value = read[field as keyof typeof read];
          if (value !== undefined) operation[field] = value;
        }
      }
    }
  } else {
    // Later properties win, in the order of first appearance; then undefined values are left out.
    const merged: Record<string, unknown> = { kind: flavour.kind };
    for (const name in properties) {
      const property = properties[name]!;
      if (property.field !== undefined) merged[property.field] = parsed[name];
      else Object.assign(merged, property.read(parsed[name]));
    }
    for (const field in merged) if (merged[field] !== undefined) operation[field] = merged[field];
  }
  if (warnings.length > 0) operation["warnings"] = [...warnings];
  operation["raw"] = raw;
  return operation as unknown as Operation;
}
