/** Headers that describe one connection, not the message: never forwarded in either direction (RFC 9110 §7.6.1). */
const hopByHopHeaders = new Set([
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "proxy-connection",
]);

export type HeaderValues = Record<string, string | string[] | undefined>;

/**
 * The end-to-end headers of a message: hop-by-hop headers, every `Proxy-*` header, the headers the
 * `Connection` header names and any in `drop` (lower-case) are removed. Names come out lower-case.
 */
export function endToEndHeaders(
  headers: HeaderValues,
  drop: readonly string[] = [],
): Record<string, string | string[]> {
  const connection = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === "connection")
    .flatMap(([, value]) => value ?? []);
  const named = connection
    .join(",")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const removed = new Set([...named, ...drop]);
  const result: Record<string, string | string[]> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (value === undefined || hopByHopHeaders.has(name) || name.startsWith("proxy-") || removed.has(name))
      continue;
    result[name] = value;
  }
  return result;
}

/** The first value of a header that may be repeated. */
export function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
