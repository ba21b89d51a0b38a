import { request, type Agent } from "node:http";
import { createEventStreamParser, readStreamEvent } from "@lro/client";

/** What one SSE watcher saw of an operation's stream. */
export interface WatcherResult {
  events: number;
  /** Epoch ms of the first event whose operation is terminal; undefined if none came. */
  terminalAt: number | undefined;
  error?: string;
}

const terminalStatuses = new Set(["succeeded", "failed"]);

/**
 * Opens `GET {url}` as an event stream and reads its events with @lro/client's parser until a terminal
 * operation arrives, then closes it; `signal` ends it early. `connected` is called once the answer's headers are in.
 */
export function watchEvents(
  url: string,
  headers: Record<string, string>,
  agent: Agent,
  connected: () => void,
  signal: AbortSignal,
): Promise<WatcherResult> {
  return new Promise((resolve) => {
    let events = 0;
    const outgoing = request(
      url,
      { headers: { ...headers, accept: "text/event-stream" }, agent, signal },
      (response) => {
        connected();
        if (response.statusCode !== 200) {
          response.resume();
          resolve({ events, terminalAt: undefined, error: `answered ${response.statusCode}` });
          return;
        }
        response.setEncoding("utf8");
        const parser = createEventStreamParser({
          onEvent: ({ event, data, lastEventId }) => {
            events += 1;
            const read = readStreamEvent(event, data, lastEventId);
            if (read?.type === "operation" && terminalStatuses.has(read.operation.status)) {
              resolve({ events, terminalAt: Date.now() });
              outgoing.destroy();
            }
          },
        });
        response.on("data", (chunk: string) => parser.feed(chunk));
        response.on("end", () =>
          resolve({ events, terminalAt: undefined, error: "the stream ended before the end" }),
        );
      },
    );
    outgoing.on("error", (error) => resolve({ events, terminalAt: undefined, error: error.message }));
    outgoing.end();
  });
}
