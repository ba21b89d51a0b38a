import type { Flavour } from "./flavour.js";
import type { Operation } from "./operation.js";
import { withoutUndefined } from "./without-undefined.js";

/** A payload parsed by its flavour's schema, as the normalised `Operation` (absent values left out). */
export function normalise(
  flavour: Flavour,
  parsed: Record<string, unknown>,
  raw: Record<string, unknown>,
): Operation {
  const fields = Object.entries(flavour.properties).map(([name, property]) => property.read(parsed[name]));
  return withoutUndefined({ kind: flavour.kind, ...Object.assign({}, ...fields), raw }) as Operation;
}
