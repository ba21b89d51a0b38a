import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { graphErrorEnvelope } from "../http-errors/graph-error-envelope.js";
import type { ProxyLogger } from "../observability/logger.js";

/**
 * Answers requests node's HTTP parser refuses before Express sees them: headers over `maxHeaderSize`
 * get a `431` in Graph's error envelope (node's own answer has no body), other malformed requests a `400`.
 */
export function clientErrorHandler(logger: ProxyLogger, maxHeaderBytes: number) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const [status, code, message] = tooLarge
      ? ([
          "431 Request Header Fields Too Large",
          "requestHeaderFieldsTooLarge",
          `The request headers are larger than the limit of ${maxHeaderBytes} bytes (setting --max-header-size).`,
        ] as const)
      : (["400 Bad Request", "invalidRequest", "The request is not valid HTTP/1.1."] as const);
    logger.info({ requestId, code: error.code }, message);
    const body = JSON.stringify(graphErrorEnvelope({ code, message, requestId }));
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
