import type { Server, ServerResponse } from "node:http";

/** A server whose open responses are known, so that shutdown can end event streams and idle connections. */
export interface ClosableServer {
  /** Stops the server gracefully, waiting at most `timeoutMs` for requests in flight. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Stops a server gracefully: no new connections; keep-alive connections closed as soon as they are idle;
 * open event streams ended (their clients reconnect elsewhere with `Last-Event-ID`); requests in flight
 * given `timeoutMs` to finish before their connections are cut.
 */
export function makeClosable(server: Server): ClosableServer {
  const open = new Set<ServerResponse>();
  let closing = false;
  // Before the app's own listener: the app may answer a request synchronously, after which no header can
  // be set (a request arriving during shutdown threw ERR_HTTP_HEADERS_SENT and crashed the process).
  server.prependListener("request", (_request, response: ServerResponse) => {
    open.add(response);
    if (closing && !response.headersSent) response.setHeader("connection", "close");
    response.on("close", () => {
      open.delete(response);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    async close(timeoutMs) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const response of open) {
        if (String(response.getHeader("content-type") ?? "").startsWith("text/event-stream")) response.end();
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, timeoutMs);
      });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      await closed;
    },
  };
}
