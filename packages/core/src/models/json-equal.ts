/**
 * Whether two values read from JSON (or normalised from it: plain objects, arrays, strings, numbers,
 * booleans, null, undefined) are deeply equal. Portable: no runtime's own module needed.
 */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => jsonEqual(item, right[index]));
  }
  if (Array.isArray(right) || Object.getPrototypeOf(left) !== Object.getPrototypeOf(right)) return false;
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const names = Object.keys(leftRecord);
  if (names.length !== Object.keys(rightRecord).length) return false;
  return names.every(
    (name) => Object.hasOwn(rightRecord, name) && jsonEqual(leftRecord[name], rightRecord[name]),
  );
}
