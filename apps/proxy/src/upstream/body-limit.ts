import { Transform } from "node:stream";
import { PayloadTooLargeError } from "../http-errors/request-errors.js";

/** Passes a body through while it stays within `limitBytes`; fails with `PayloadTooLargeError` past it. */
export function limitBody(limitBytes: number): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limitBytes) callback(new PayloadTooLargeError(limitBytes));
      else callback(null, chunk);
    },
  });
}

/** Refuses at once a body whose declared `Content-Length` is over the limit. */
export function assertDeclaredLength(contentLength: string | undefined, limitBytes: number): void {
  if (contentLength !== undefined && Number(contentLength) > limitBytes)
    throw new PayloadTooLargeError(limitBytes);
}
