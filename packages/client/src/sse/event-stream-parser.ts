/** One event of a `text/event-stream`, as the WHATWG HTML standard dispatches it. */
export interface ServerSentEvent {
  /** `message` unless the stream named it with an `event:` field. */
  event: string;
  data: string;
  /** The last event ID in force when the event was dispatched ("" when none was ever set). */
  lastEventId: string;
}

export interface EventStreamParser {
  /** Feeds decoded text; chunks may split lines, fields and CRLF pairs anywhere. */
  feed(text: string): void;
  /** The last event ID set by the stream so far: what a reconnection sends as `Last-Event-ID`. */
  readonly lastEventId: string;
}

export interface EventStreamHandlers {
  onEvent(event: ServerSentEvent): void;
  /** The stream's `retry:` field: the reconnection delay it asks for, in milliseconds. */
  onRetry?(milliseconds: number): void;
}

/**
 * An incremental parser of the `text/event-stream` format (HTML standard, "Server-sent events",
 * section 9.2.6): comments, the `event`, `data`, `id` and `retry` fields, CR, LF and CRLF line ends.
 */
export function createEventStreamParser(
  handlers: EventStreamHandlers,
  initialLastEventId = "",
): EventStreamParser {
  let buffer = "";
  let started = false;
  let skipLeadingLineFeed = false;
  let eventType = "";
  let data = "";
  let hasData = false;
  let lastEventId = initialLastEventId;

  const dispatch = () => {
    if (hasData) handlers.onEvent({ event: eventType === "" ? "message" : eventType, data, lastEventId });
    eventType = "";
    data = "";
    hasData = false;
  };

  const processLine = (line: string) => {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        eventType = value;
        break;
      case "data":
        data = hasData ? `${data}\n${value}` : value;
        hasData = true;
        break;
      case "id":
        if (!value.includes("\u0000")) lastEventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
        break;
    }
  };

  return {
    get lastEventId() {
      return lastEventId;
    },
    feed(text) {
      let input = text;
      if (!started && input.length > 0) {
        started = true;
        if (input.startsWith("\uFEFF")) input = input.slice(1);
      }
      if (skipLeadingLineFeed && input.length > 0) {
        if (input.startsWith("\n")) input = input.slice(1);
        skipLeadingLineFeed = false;
      }
      buffer += input;
      let lineEnd = buffer.search(/[\r\n]/);
      while (lineEnd !== -1) {
        const line = buffer.slice(0, lineEnd);
        const crlf = buffer[lineEnd] === "\r" && buffer[lineEnd + 1] === "\n";
        if (buffer[lineEnd] === "\r" && lineEnd + 1 === buffer.length) skipLeadingLineFeed = true;
        buffer = buffer.slice(lineEnd + (crlf ? 2 : 1));
        processLine(line);
        lineEnd = buffer.search(/[\r\n]/);
      }
    },
  };
}
