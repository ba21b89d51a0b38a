/** Whether a `Prefer` header names `preference` (case-insensitive; parameters after `=` or `;` ignored). */
export function hasPreference(prefer: string | undefined, preference: string): boolean {
  if (prefer === undefined) return false;
  return prefer
    .split(",")
    .some((item) => item.split(/[=;]/)[0]?.trim().toLowerCase() === preference.toLowerCase());
}
