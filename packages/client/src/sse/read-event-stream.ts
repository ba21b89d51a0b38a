import { EventStreamInterruptedError } from "../errors.js";
import { createEventStreamParser, type ServerSentEvent } from "./event-stream-parser.js";

/** What reading an event stream yields: its events, any sign of life (heartbeat comments included), `retry:` hints. */
export type StreamSignal =
  { type: "event"; event: ServerSentEvent } | { type: "alive" } | { type: "retry"; ms: number };

/**
 * Reads a `text/event-stream` body as it arrives. The end of the body is an `EventStreamInterruptedError`
 * (the proxy's streams never end on their own), so a caller reconnects; leaving the loop cancels the body.
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  lastEventId = "",
): AsyncGenerator<StreamSignal, never, undefined> {
  const queued: StreamSignal[] = [];
  const parser = createEventStreamParser(
    {
      onEvent: (event) => queued.push({ type: "event", event }),
      onRetry: (ms) => queued.push({ type: "retry", ms }),
    },
    lastEventId,
  );
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new EventStreamInterruptedError("the event stream broke", { cause: error });
      }
      if (chunk.done) throw new EventStreamInterruptedError("the proxy closed the event stream");
      yield { type: "alive" };
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      while (queued.length > 0) yield queued.shift() as StreamSignal;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
