/** Small checks that report what a scenario field should have been; each returns an issue or undefined. */
export type Issue = string | undefined;

const describe = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function checkNumber(path: string, value: unknown, minimum: number, maximum = Infinity): Issue {
  if (typeof value !== "number" || !Number.isFinite(value) || value < minimum || value > maximum) {
    const range = maximum === Infinity ? `>= ${minimum}` : `between ${minimum} and ${maximum}`;
    return `"${path}" must be a number ${range} (received ${describe(value)})`;
  }
  return undefined;
}

export function checkInteger(path: string, value: unknown, minimum: number): Issue {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    return `"${path}" must be an integer >= ${minimum} (received ${describe(value)})`;
  }
  return undefined;
}

export function checkOneOf(path: string, value: unknown, allowed: readonly (string | number)[]): Issue {
  if (!allowed.includes(value as string | number)) {
    return `"${path}" must be one of ${allowed.map((item) => JSON.stringify(item)).join(", ")} (received ${describe(value)})`;
  }
  return undefined;
}

export function checkString(path: string, value: unknown): Issue {
  if (typeof value !== "string" || value.length === 0) {
    return `"${path}" must be a non-empty string (received ${describe(value)})`;
  }
  return undefined;
}

export function checkBoolean(path: string, value: unknown): Issue {
  return typeof value === "boolean"
    ? undefined
    : `"${path}" must be true or false (received ${describe(value)})`;
}

export function checkKeys(path: string, value: Record<string, unknown>, known: readonly string[]): string[] {
  const prefix = path === "" ? "" : `${path}.`;
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown option "${prefix}${key}" (known: ${known.join(", ")})`);
}
