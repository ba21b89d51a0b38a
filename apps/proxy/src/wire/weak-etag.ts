import { hash } from "node:crypto";

/**
 * Express's default weak `ETag` (`W/"<length in hex>-<SHA-1, base64, 27 characters>"`), the same value,
 * computed with the one-shot `crypto.hash` instead of a hash object per answer.
 */
export function weakEtag(body: string | Buffer, encoding?: BufferEncoding): string {
  // A UTF-8 string is hashed as it is (`hash` encodes strings as UTF-8): no copy of the body as bytes.
  if (typeof body === "string" && (encoding === undefined || encoding === "utf8" || encoding === "utf-8")) {
    return tag(Buffer.byteLength(body, "utf8"), hash("sha1", body, "base64"));
  }
  const bytes = typeof body === "string" ? Buffer.from(body, encoding) : body;
  return tag(bytes.length, hash("sha1", bytes, "base64"));
}

function tag(length: number, digest: string): string {
  return `W/"${length.toString(16)}-${digest.slice(0, 27)}"`;
}
