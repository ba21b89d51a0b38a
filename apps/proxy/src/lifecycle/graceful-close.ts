import type { Server, ServerResponse } from "node:http";

/**
 * Stops a server gracefully: no new connections, idle keep-alive connections closed, open event
 * streams ended (their clients reconnect elsewhere with `Last-Event-ID`), requests in flight given
 * `timeoutMs` to finish before their connections are cut.
 */
export function trackResponses(server: Server): () => ServerResponse[] {
  const open = new Set<ServerResponse>();
  server.on("request", (_request, response: ServerResponse) => {
    open.add(response);
    response.on("close", () => open.delete(response));
  });
  return () => [...open];
}

export async function closeGracefully(
  server: Server,
  openResponses: () => ServerResponse[],
  timeoutMs: number,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const response of openResponses()) {
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
}
