import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestCounters } from "../records/request-counters.js";

export type HeaderValues = Record<string, string | number>;

/** One request and its answer: every answer goes through here so it is counted under its route. */
export class Exchange {
  route = "unmatched";
  readonly requestId = randomUUID();

  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    private readonly counters: RequestCounters,
    readonly now: number,
  ) {}

  header(name: string): string | undefined {
    const value = this.request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  send(status: number, headers: HeaderValues = {}, body?: string): void {
    this.counters.increment(this.route, status);
    const clientRequestId = this.header("client-request-id") ?? this.requestId;
    const payload = body === undefined ? undefined : Buffer.from(body);
    this.response.writeHead(status, {
      date: new Date(this.now).toUTCString(),
      "request-id": this.requestId,
      "client-request-id": clientRequestId,
      "content-length": payload?.length ?? 0,
      ...headers,
    });
    this.response.end(payload);
  }

  sendJson(status: number, body: unknown, headers: HeaderValues = {}): void {
    this.send(status, { "content-type": "application/json", ...headers }, JSON.stringify(body));
  }

  /** Graph's error envelope: {"error": {"code", "message", "innerError": {"request-id", "date"}}}. */
  sendError(status: number, code: string, message: string, headers: HeaderValues = {}): void {
    const innerError = {
      date: new Date(this.now).toISOString().slice(0, 19),
      "request-id": this.requestId,
      "client-request-id": this.header("client-request-id") ?? this.requestId,
    };
    this.sendJson(status, { error: { code, message, innerError } }, headers);
  }

  /** Ends the connection without an answer, as a broken network would. */
  drop(): void {
    this.counters.increment(this.route, 0);
    this.request.socket.destroy();
  }
}
