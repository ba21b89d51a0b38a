/** Readers for the few fields of a JSON request body that actions use. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string property of a JSON body, if present. */
export function bodyString(body: unknown, name: string): string | undefined {
  if (!isObject(body)) return undefined;
  const value = body[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
