import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ServerSentEvent } from "./event-stream-parser.js";
import { createEventStreamParser } from "./event-stream-parser.js";

function parseAll(chunks: string[]) {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = createEventStreamParser({
    onEvent: (event) => events.push(event),
    onRetry: (milliseconds) => retries.push(milliseconds),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { events, retries, lastEventId: parser.lastEventId };
}

describe("createEventStreamParser", () => {
  it("reads named events with ids, multi-line data, comments and retry", () => {
    const { events, retries, lastEventId } = parseAll([
      ': heartbeat\n\nevent: operation\nid: 7\ndata: {"id":"a",\ndata: "status":"running"}\n\n',
      "retry: 2500\ndata:plain\n\n",
    ]);
    expect(events).toEqual([
      { event: "operation", data: '{"id":"a",\n"status":"running"}', lastEventId: "7" },
      { event: "message", data: "plain", lastEventId: "7" },
    ]);
    expect(retries).toEqual([2500]);
    expect(lastEventId).toBe("7");
  });

  it("dispatches nothing for a block without data and ignores an id holding NUL", () => {
    const { events, lastEventId } = parseAll(["event: deleted\nid: 3\n\n", "id: 4\u0000\ndata: x\n\n"]);
    expect(events).toEqual([{ event: "message", data: "x", lastEventId: "3" }]);
    expect(lastEventId).toBe("3");
  });

  it("keeps an unfinished event until its blank line arrives", () => {
    const { events } = parseAll(["data: half"]);
    expect(events).toEqual([]);
  });

  it("strips one leading byte order mark and a single space after the colon", () => {
    const { events } = parseAll(["\uFEFFdata:  two spaces\n\n"]);
    expect(events).toEqual([{ event: "message", data: " two spaces", lastEventId: "" }]);
  });

  it("reads the same events whatever the line ends and however the stream is split", () => {
    const field = fc.stringMatching(/^[a-zA-Z0-9 {}":,]{0,12}$/);
    const eventArbitrary = fc.record({
      event: fc.option(fc.stringMatching(/^[a-z]{1,8}$/), { nil: undefined }),
      id: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
      data: fc.array(field, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 6 }),
        fc.constantFrom("\n", "\r", "\r\n"),
        fc.array(fc.nat(), { maxLength: 8 }),
        (written, newline, cuts) => {
          const text = written
            .map(
              (event) =>
                [
                  ": comment",
                  ...(event.event === undefined ? [] : [`event: ${event.event}`]),
                  ...(event.id === undefined ? [] : [`id: ${event.id}`]),
                  ...event.data.map((line) => `data: ${line}`),
                  "",
                ].join(newline) + newline,
            )
            .join("");
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, text.length].slice(1).map((end, index, ends) => {
            const start = index === 0 ? 0 : (ends[index - 1] ?? 0);
            return text.slice(start, end);
          });
          let lastId = "";
          const expected = written.map((event) => {
            if (event.id !== undefined) lastId = event.id;
            return { event: event.event ?? "message", data: event.data.join("\n"), lastEventId: lastId };
          });
          expect(parseAll(chunks).events).toEqual(expected);
        },
      ),
    );
  });
});
