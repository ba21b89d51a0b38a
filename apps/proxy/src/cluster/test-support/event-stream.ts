/** One Server-Sent Event as the proxy sends it. */
export interface ReceivedEvent {
  event: string;
  id?: string;
  data: string;
}

/** Reads an SSE response, calling `onEvent` for each event, until the stream ends or `signal` aborts. */
export async function readEventStream(
  response: Response,
  onEvent: (event: ReceivedEvent) => void,
): Promise<void> {
  if (response.body === null) throw new Error("the event stream has no body");
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: ReceivedEvent = { event: "message", data: "" };
        for (const line of frame.split("\n")) {
          if (line.startsWith(":")) continue;
          const separator = line.indexOf(":");
          const field = line.slice(0, separator);
          const value = line.slice(separator + 1).replace(/^ /, "");
          if (field === "event") event.event = value;
          else if (field === "id") event.id = value;
          else if (field === "data") event.data += value;
        }
        if (event.data !== "") onEvent(event);
      }
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  }
}
