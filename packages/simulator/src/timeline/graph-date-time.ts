/** Epoch milliseconds as Graph writes DateTimeOffset values: ISO 8601, UTC, seven fractional digits. */
export function graphDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}
