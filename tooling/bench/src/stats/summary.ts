/** Mean of the values; NaN when there are none. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** The nearest-rank percentile (0 < fraction <= 1) of the values; NaN when there are none. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1]!;
}

/** The largest value; NaN when there are none. */
export function maximum(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((high, value) => Math.max(high, value));
}

/** Rounds to a number of decimals, keeping NaN as null for JSON. */
export function rounded(value: number, decimals = 1): number | null {
  if (!Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
