import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/** A request sent by `DirectSend`: cancelling it settles it with `reason` (if it has not settled yet). */
export interface SentRequest {
  cancel(reason: unknown): void;
}

/** Who hears how a direct send ended: one of the two is called, once. */
export interface AnswerReceiver {
  onAnswer(response: TransportResponse): void;
  /** No answer came (connection refused or dropped, timeout, too large, cancelled). */
  onNoAnswer(reason: unknown): void;
}

/**
 * The package's own transports (the undici one) send a poll without an AbortSignal or a promise: how it
 * ended goes to the receiver (the poll loop itself, so no callback is made for it), and the handle
 * cancels. A poll loop then holds no AbortController, no abort listener and no closure, and makes no
 * promise per request. Internal: a symbol, so no transport a caller writes or wraps has it (they get
 * `request` and a signal).
 */
export const directSend = Symbol("lro.directSend");

export type DirectSend = (request: Omit<TransportRequest, "signal">, receiver: AnswerReceiver) => SentRequest;

/** The transport's direct send, when it is one of the package's own. */
export function directSendOf(transport: Transport): DirectSend | undefined {
  return (transport as { [directSend]?: DirectSend })[directSend];
}
