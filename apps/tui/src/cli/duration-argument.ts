const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * PURE: `30s`, `1.5m`, `500ms`, `2h`, or a bare number of seconds, in milliseconds; undefined when it is
 * not a positive duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) return undefined;
  const milliseconds = Number(match[1]) * (units[match[2] ?? "s"] ?? 1000);
  return milliseconds > 0 && Number.isFinite(milliseconds) ? Math.round(milliseconds) : undefined;
}
