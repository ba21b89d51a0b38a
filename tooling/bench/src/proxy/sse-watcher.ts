import { request, type Agent } from "node:http";

/** What one SSE watcher saw of an operation's stream. */
export interface WatcherResult {
  events: number;
  /** Epoch ms of the first event whose operation is terminal; undefined if none came. */
  terminalAt: number | undefined;
  error?: string;
}

const terminalStatuses = new Set(["succeeded", "failed"]);

/** Whether an SSE frame is an `operation` event whose data is a terminal operation. */
function isTerminalFrame(frame: string): boolean {
  const lines = frame.split("\n");
  if (!lines.includes("event: operation")) return false;
  const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim());
  try {
    const operation = JSON.parse(data.join("\n")) as { status?: string };
    return terminalStatuses.has(operation.status ?? "");
  } catch {
    return false;
  }
}

/**
 * Opens `GET {url}` as an event stream and reads frames (blank-line separated) until a terminal
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
    let buffer = "";
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
        response.on("data", (chunk: string) => {
          buffer += chunk.replaceAll("\r\n", "\n");
          let end = buffer.indexOf("\n\n");
          while (end !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.includes("event:")) events += 1;
            if (isTerminalFrame(frame)) {
              resolve({ events, terminalAt: Date.now() });
              outgoing.destroy();
              return;
            }
            end = buffer.indexOf("\n\n");
          }
        });
        response.on("end", () =>
          resolve({ events, terminalAt: undefined, error: "the stream ended before the end" }),
        );
      },
    );
    outgoing.on("error", (error) => resolve({ events, terminalAt: undefined, error: error.message }));
    outgoing.end();
  });
}
