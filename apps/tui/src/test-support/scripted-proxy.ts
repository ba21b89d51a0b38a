import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
}

/** A stand-in for lro-proxy whose event streams the test writes by hand, to break them at chosen moments. */
export async function startScriptedProxy(list: (path: string) => { status: number; body: unknown }) {
  const requests: RecordedRequest[] = [];
  const opened: ServerResponse[] = [];
  const waiters: { index: number; resolve: (response: ServerResponse) => void }[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers });
    if (request.url?.startsWith("/operations/events")) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.flushHeaders();
      opened.push(response);
      for (const waiter of waiters.filter((candidate) => candidate.index === opened.length - 1)) {
        waiter.resolve(response);
      }
      return;
    }
    if (request.method === "DELETE") {
      response.writeHead(204).end();
      return;
    }
    const { status, body } = list(request.url ?? "");
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The `index`-th event stream a client opened (0 for the first), once it is open. */
    stream(index: number): Promise<ServerResponse> {
      const response = opened[index];
      if (response !== undefined) return Promise.resolve(response);
      return new Promise((resolve) => waiters.push({ index, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
