import { hash } from "node:crypto";

/**
 * Express's default weak `ETag` (`W/"<length in hex>-<SHA-1, base64, 27 characters>"`), the same value,
 * computed with the one-shot `crypto.hash` instead of a hash object per answer.
 */
export function weakEtag(body: string | Buffer, encoding?: BufferEncoding): string {
  const bytes = typeof body === "string" ? Buffer.from(body, encoding) : body;
  return `W/"${bytes.length.toString(16)}-${hash("sha1", bytes, "base64").slice(0, 27)}"`;
}
