import { createTransport } from "@lro/core";
import type { Transport } from "@lro/core";

export interface SentRequest {
  url: string;
  authorization: string | undefined;
}

/** @lro/core's transport, keeping the address and Authorization of every poll it sends. */
export function recordingTransport(): { transport: Transport; sent: SentRequest[] } {
  const inner = createTransport();
  const sent: SentRequest[] = [];
  const transport: Transport = {
    request(request) {
      sent.push({ url: request.url.href, authorization: request.headers["authorization"] });
      return inner.request(request);
    },
    close: () => inner.close(),
  };
  return { transport, sent };
}
