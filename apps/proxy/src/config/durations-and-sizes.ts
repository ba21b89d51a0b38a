const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const sizeUnits: Record<string, number> = { "": 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `"500ms"`, `"30s"`, `"1.5m"`, `"24h"`, `"7d"` -> milliseconds; `undefined` when it is not a duration. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/i.exec(value.trim());
  if (match === null) return undefined;
  const [, amount, unit] = match;
  const milliseconds = Number(amount) * (durationUnits[unit!.toLowerCase()] ?? Number.NaN);
  return Number.isFinite(milliseconds) ? Math.round(milliseconds) : undefined;
}

/** `"16kb"`, `"1mb"`, `"1048576"` -> bytes (1 kb = 1024 bytes); `undefined` when it is not a size. */
export function parseByteSize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (match === null) return undefined;
  const [, amount, unit = ""] = match;
  const bytes = Math.floor(Number(amount) * (sizeUnits[unit.toLowerCase()] ?? Number.NaN));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** Milliseconds written as a duration setting would be: `120000` -> `"2m"`, `1500` -> `"1500ms"`. */
export function formatDuration(milliseconds: number): string {
  for (const unit of ["d", "h", "m", "s"] as const) {
    const size = durationUnits[unit]!;
    if (milliseconds >= size && milliseconds % size === 0) return `${milliseconds / size}${unit}`;
  }
  return `${milliseconds}ms`;
}
