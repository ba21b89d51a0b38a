import { leafReaders } from "./field-schemas.js";
import type { LeafReader } from "./field-schemas.js";
import type { Flavour } from "./flavour.js";

/**
 * How one property of a flavour's schema is read without zod: by its leaf reader, or (a nested schema)
 * only when absent, or null when the schema reads null as null (Graph sends `"error": null`).
 */
type LeafField = readonly [name: string, read: LeafReader | undefined, nullAsIs: boolean];

// null: the flavour has a property zod needs even when absent, so it is always read by zod.
const plans = new WeakMap<Flavour, readonly LeafField[] | null>();

/** A nested schema that reads a missing property as undefined may be skipped when the property is absent. */
function readsAbsentAsUndefined(schema: Flavour["schema"]["shape"][string]): boolean {
  const result = schema.safeParse(undefined);
  return result.success && result.data === undefined;
}

/** A nested schema that reads null as null (`.nullish()`, `.nullable()`) may be skipped for a null value. */
function readsNullAsNull(schema: Flavour["schema"]["shape"][string]): boolean {
  const result = schema.safeParse(null);
  return result.success && result.data === null;
}

function makePlan(flavour: Flavour): readonly LeafField[] | null {
  const fields: LeafField[] = [];
  for (const [name, schema] of Object.entries(flavour.schema.shape)) {
    const read = leafReaders.get(schema);
    if (read === undefined && !readsAbsentAsUndefined(schema)) return null;
    fields.push([name, read, read === undefined && readsNullAsNull(schema)]);
  }
  return fields;
}

function planOf(flavour: Flavour): readonly LeafField[] | null {
  let plan = plans.get(flavour);
  if (plan === undefined) {
    plan = makePlan(flavour);
    plans.set(flavour, plan);
  }
  return plan;
}

/**
 * The payload read as `flavour.schema` would read it, when that needs no zod: every property a leaf that
 * accepts its value, nested properties absent (or null, where their schema reads null as null). Undefined
 * whenever zod must decide (and word the issues).
 */
export function readLeaves(
  flavour: Flavour,
  input: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const plan = planOf(flavour);
  if (plan === null) return undefined;
  const parsed: Record<string, unknown> = {};
  // Index loops: no iterator per property on every answer.
  for (let index = 0; index < plan.length; index += 1) {
    const field = plan[index]!;
    const name = field[0];
    const read = field[1];
    const value = input[name];
    if (read === undefined) {
      if (value === null && field[2]) parsed[name] = null;
      else if (value !== undefined) return undefined;
      continue;
    }
    const result = read(value);
    if (result === undefined) return undefined;
    parsed[name] = result.value;
  }
  return parsed;
}
