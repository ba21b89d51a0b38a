/** One frame of a Server-Sent Events stream as the test reads it. */
export interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** Resolves with the next frame, or undefined when the stream ended. */
  next(timeoutMs?: number): Promise<SseFrame | undefined>;
  /** Reads frames until `predicate` accepts one; returns every frame read, that one included. */
  until(predicate: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame[]>;
  close(): void;
}

/** Opens an event stream with `fetch` and reads it frame by frame, as a client that may drop and resume. */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const frames: SseFrame[] = [];
  let finished = false;

  const parse = (block: string): SseFrame => {
    const frame: SseFrame = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) frame.comment = line.slice(1).trim();
      else {
        const colon = line.indexOf(":");
        const field = line.slice(0, colon) as "event" | "id" | "data";
        frame[field] = line.slice(colon + 1).trimStart();
      }
    }
    return frame;
  };

  const next = async (timeoutMs = 5000): Promise<SseFrame | undefined> => {
    const deadline = Date.now() + timeoutMs;
    while (frames.length === 0 && !finished) {
      if (reader === undefined) return undefined;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), remaining);
      });
      const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) finished = true;
      else {
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          frames.push(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    }
    return frames.shift();
  };

  return {
    status: response.status,
    headers: response.headers,
    next,
    async until(predicate, timeoutMs = 5000) {
      const read: SseFrame[] = [];
      for (;;) {
        const frame = await next(timeoutMs);
        if (frame === undefined)
          throw new Error(`the stream ended before the expected event; read ${JSON.stringify(read)}`);
        read.push(frame);
        if (predicate(frame)) return read;
      }
    },
    close() {
      abort.abort();
    },
  };
}
