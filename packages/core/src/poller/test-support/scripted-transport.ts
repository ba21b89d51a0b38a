import type { Transport, TransportRequest, TransportResponse } from "../transport.js";

export interface RecordedRequest {
  request: TransportRequest;
  /** Date.now() when sent (virtual under fake timers). */
  sentAt: number;
}

export type Script = (
  request: TransportRequest,
  index: number,
) => TransportResponse | Promise<TransportResponse>;

/** An in-memory transport answering from a script and recording every request, for virtual-time tests. */
export function scriptedTransport(script: Script): Transport & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push({ request, sentAt: Date.now() });
      return script(request, requests.length - 1);
    },
    close: async () => {},
  };
}

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): TransportResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** A richLongRunningOperation body as Graph sends it. */
export function richOperation(
  status: string,
  fields: { percentageComplete?: number; createdDateTime?: string; lastActionDateTime?: string } = {},
): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.richLongRunningOperation",
    id: "op-1",
    status,
    type: "contentTypeCopy",
    ...fields,
  };
}
