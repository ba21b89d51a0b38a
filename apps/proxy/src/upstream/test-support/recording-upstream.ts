import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the upstream received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: Buffer;
}

export type UpstreamHandler = (request: ReceivedRequest, response: ServerResponse) => void;

/** A plain node:http upstream on 127.0.0.1:0 that records every request it receives. */
export interface RecordingUpstream {
  url: string;
  received: ReceivedRequest[];
  handle(handler: UpstreamHandler): void;
  close(): Promise<void>;
}

export async function startRecordingUpstream(handler: UpstreamHandler = echo): Promise<RecordingUpstream> {
  const received: ReceivedRequest[] = [];
  let current = handler;
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const record: ReceivedRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        rawHeaderNames: request.rawHeaders
          .filter((_value, index) => index % 2 === 0)
          .map((name) => name.toLowerCase()),
        body: Buffer.concat(chunks),
      };
      received.push(record);
      current(record, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers 200 with what it received, as JSON. */
export function echo(request: ReceivedRequest, response: ServerResponse): void {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ method: request.method, url: request.url, body: request.body.toString() }));
}
