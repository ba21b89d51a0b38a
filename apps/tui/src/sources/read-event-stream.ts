import { Observable } from "rxjs";
import type { ServerSentEvent } from "./event-stream-parser.js";
import { createEventStreamParser } from "./event-stream-parser.js";
import { EventStreamInterruptedError } from "./proxy-errors.js";

/** What reading an event stream yields: its events, and any sign of life (heartbeat comments included). */
export type StreamSignal =
  { type: "event"; event: ServerSentEvent } | { type: "alive" } | { type: "retry"; ms: number };

/**
 * Reads a `text/event-stream` response body. The stream never completes: its end is an
 * `EventStreamInterruptedError`, so a `retry` upstream reconnects.
 */
export function readEventStream(body: ReadableStream<Uint8Array>, lastEventId: string | undefined) {
  return new Observable<StreamSignal>((subscriber) => {
    const parser = createEventStreamParser(
      {
        onEvent: (event) => subscriber.next({ type: "event", event }),
        onRetry: (ms) => subscriber.next({ type: "retry", ms }),
      },
      lastEventId ?? "",
    );
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let cancelled = false;
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        subscriber.next({ type: "alive" });
        parser.feed(decoder.decode(value, { stream: true }));
      }
      subscriber.error(new EventStreamInterruptedError("the proxy closed the event stream"));
    })().catch((error: unknown) => {
      if (!cancelled)
        subscriber.error(new EventStreamInterruptedError("the event stream broke", { cause: error }));
    });
    return () => {
      cancelled = true;
      reader.cancel().catch(() => undefined);
    };
  });
}
