import { Readable } from "node:stream";

/**
 * Reads a body up to `limitBytes`: all of it, or (past the limit) a stream of what was read followed by the
 * rest, for passing it through unread.
 */
export async function readUpTo(
  body: Readable,
  limitBytes: number,
): Promise<{ bytes: Buffer; rest?: undefined } | { rest: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    chunks.push(next.value);
    size += next.value.length;
    if (size > limitBytes) {
      // The iterator is not returned (that would destroy the body): the rest follows what was read.
      const rest = async function* () {
        yield* chunks;
        for (let more = await iterator.next(); more.done !== true; more = await iterator.next()) {
          yield more.value;
        }
      };
      return { rest: Readable.from(rest()) };
    }
  }
  return { bytes: Buffer.concat(chunks) };
}

/** Whether an answer's body is JSON text the proxy may read: a JSON content type, not compressed, not declared over `limitBytes`. */
export function isReadableJson(
  headers: Record<string, string | string[] | undefined>,
  limitBytes: number,
): boolean {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const contentType = first(headers["content-type"]) ?? "";
  const encoding = (first(headers["content-encoding"]) ?? "identity").trim().toLowerCase();
  const declared = Number(first(headers["content-length"]) ?? 0);
  return (
    /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType) &&
    encoding === "identity" &&
    declared <= limitBytes
  );
}
