import { readEventStream as readSignals, type StreamSignal } from "@lro/client";
import { Observable } from "rxjs";

export type { StreamSignal } from "@lro/client";

/**
 * Reads a `text/event-stream` response body with @lro/client's reader, as an Observable. The stream never
 * completes: its end is an `EventStreamInterruptedError`, so a `retry` upstream reconnects.
 */
export function readEventStream(body: ReadableStream<Uint8Array>, lastEventId: string | undefined) {
  return new Observable<StreamSignal>((subscriber) => {
    const signals = readSignals(body, lastEventId ?? "");
    (async () => {
      for await (const signal of signals) subscriber.next(signal);
    })().catch((error: unknown) => subscriber.error(error));
    return () => {
      void signals.return(undefined as never);
    };
  });
}
