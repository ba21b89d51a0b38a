import { z } from "zod";

/** Reads a leaf's value as its schema would: `{ value }` when valid, undefined when zod would reject it. */
export type LeafReader = (value: unknown) => { value: unknown } | undefined;

/** Each leaf schema's own reading, so a payload of leaves only can be read without running zod. */
export const leafReaders = new WeakMap<z.ZodType, LeafReader>();

/**
 * Leaf schemas of the flavour payloads: lenient where Graph is inconsistent (null or "" for absent,
 * numbers sent as strings), strict where it matters. Each rejects with the `expected` wording that
 * `OperationValidationError` shows next to the property's path.
 */
function leaf<Value>(expected: string, read: (value: unknown) => { value: Value } | undefined) {
  const schema = z.unknown().transform((value, context) => {
    const result = read(value);
    if (result !== undefined) return result.value;
    context.addIssue({ code: "custom", message: `expected ${expected}`, input: value, params: { expected } });
    return z.NEVER;
  });
  leafReaders.set(schema, read);
  return schema;
}

/** A leaf whose property may be missing; `null` and `""` read as absent too. */
function optionalLeaf<Value>(expected: string, read: (value: unknown) => { value: Value } | undefined) {
  const readOptional = (value: unknown) =>
    value === undefined || value === null || value === "" ? { value: undefined } : read(value);
  const schema = leaf(expected, readOptional).optional();
  leafReaders.set(schema, readOptional);
  return schema;
}

/** A string; `""`, `null` and a missing property read as absent. */
export const optionalString = optionalLeaf("a string or null", (value) =>
  typeof value === "string" ? { value } : undefined,
);

/** A status word: required, any string (unknown words are kept and normalised to `unknownFutureValue`). */
export const statusString = leaf("a string (the operation's status)", (value) =>
  typeof value === "string" ? { value } : undefined,
);

const isoDateTime = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date-time, kept exactly as received (all 7 fractional digits included). */
export const optionalDateTime = optionalLeaf("an ISO 8601 date-time string or null", (value) =>
  typeof value === "string" && isoDateTime.test(value) ? { value } : undefined,
);

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value.trim().replace(/%$/, ""));
  return undefined;
}

/** A percentage 0..100, sent as a number or a numeric string (`"27.8"`, `"50%"`). NaN or out of range is rejected. */
export const optionalPercentage = optionalLeaf("a number 0..100", (value) => {
  const number = toNumber(value);
  return number !== undefined && Number.isFinite(number) && number >= 0 && number <= 100
    ? { value: number }
    : undefined;
});

/** A finite number, sent as a number or a numeric string. */
export const optionalNumber = optionalLeaf("a number", (value) => {
  const number = toNumber(value);
  return number !== undefined && Number.isFinite(number) ? { value: number } : undefined;
});

/** A result code sent as a number (`resultInfo.code` is an Int32) or as a string; kept as received. */
export const optionalCode = optionalLeaf("a number or a string", (value) =>
  (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" ? { value } : undefined,
);
