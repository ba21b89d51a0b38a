import type { AdoptRequest } from "./adopt-request.js";
import { EventStreamInterruptedError, ProxyResponseError } from "./errors.js";
import { deletedEventDataSchema } from "./operation-events.js";
import { readEventStream } from "./sse/read-event-stream.js";
import { streamTokenSchema, type StreamToken } from "./stream-token.js";
import { readWireOperation, type ReadWireOperation } from "./wire-operation-reader.js";

export interface ProxyClientOptions {
  /** The proxy's base URL, e.g. `http://127.0.0.1:8080` (a path prefix is kept). */
  baseUrl: string | URL;
  /** Sent as `X-API-Key` to the proxy's origin only. */
  apiKey?: string;
  /** Further headers of every request, e.g. `Proxy-Authorization: Bearer <jwt>`. */
  headers?: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** An item of a list the client could not read: kept with the reason, never dropped silently. */
export interface UnreadableItem {
  input: unknown;
  message: string;
}

/** One page of `GET /operations`. */
export interface ListedPage {
  operations: ReadWireOperation[];
  unreadable: UnreadableItem[];
  /** The next page's link as the proxy wrote it; absent on the last page. */
  nextLink?: string;
}

export interface ListOptions extends RequestOptions {
  /** Page size, 0 to 1000 (the proxy's default is 100). */
  top?: number;
  /** An OData `$filter` the proxy supports, e.g. `status eq 'running'`. */
  filter?: string;
}

/** What an operation event stream carries, read. `eventId` is what a reconnection resumes after. */
export type OperationStreamEvent =
  | { type: "operation"; eventId: string; operation: ReadWireOperation }
  | { type: "deleted"; eventId: string; id: string }
  | { type: "unreadable"; eventId: string; event: string; message: string };

export interface StreamOptions extends RequestOptions {
  /** One operation's stream (`/operations/{id}/events`); every operation of the caller when absent. */
  id?: string;
  /** Resume after this event id (`Last-Event-ID`). */
  lastEventId?: string;
  /** Wait before reconnecting, unless the stream's `retry:` asked for another. Default 1 s. */
  reconnectDelayMs?: number;
}

export interface AdoptOptions extends RequestOptions {
  /** The caller's Graph token (`Authorization`), which the proxy uses to poll the monitor. */
  authorization?: string;
}

/** A typed client of lro-proxy's own resource, `/operations`. */
export interface ProxyClient {
  /** `GET /operations/{id}`. */
  get(id: string, options?: RequestOptions): Promise<ReadWireOperation>;
  /** `GET /operations/{id}` with `Prefer: wait=<seconds>`: answers once the operation ended or the wait is over. */
  wait(id: string, seconds: number, options?: RequestOptions): Promise<ReadWireOperation>;
  /** One page of `GET /operations` (newest first). */
  list(options?: ListOptions): Promise<ListedPage>;
  /** The page a `nextLink` names, read on the client's own base URL (the key never goes elsewhere). */
  nextPage(nextLink: string, options?: RequestOptions): Promise<ListedPage>;
  /** Every page of the list, one after another. */
  pages(options?: ListOptions): AsyncGenerator<ListedPage, void, undefined>;
  /** `POST /operations`: the proxy follows a monitor the caller holds. */
  adopt(request: AdoptRequest, options?: AdoptOptions): Promise<ReadWireOperation>;
  /** `DELETE /operations/{id}`: stop following; false when the proxy did not know it. */
  delete(id: string, options?: RequestOptions): Promise<boolean>;
  /**
   * `POST /operations/{id}/stream-token`: a short-lived token for one operation's event stream, and the
   * URL to give a browser's `EventSource` (which cannot send the API key).
   */
  streamToken(id: string, options?: RequestOptions): Promise<StreamToken>;
  /** Opens an event stream once (checked: 200 and `text/event-stream`); the caller reads its body. */
  openEvents(options?: StreamOptions): Promise<Response>;
  /**
   * The events of the caller's operations (or one), reconnecting after a break and resuming after the last
   * event seen; it ends when `signal` aborts, when the loop is left, or on an answer retrying cannot help.
   */
  stream(options?: StreamOptions): AsyncGenerator<OperationStreamEvent, void, undefined>;
}

type Init = Omit<RequestInit, "headers"> & { headers?: Record<string, string> };

export function createProxyClient(options: ProxyClientOptions): ProxyClient {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const href = new URL(options.baseUrl).href;
  const base = new URL(href.endsWith("/") ? href : `${href}/`);
  const fixedHeaders: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) fixedHeaders["X-API-Key"] = options.apiKey;
  const operationUrl = (id: string, suffix = "") =>
    new URL(`operations/${encodeURIComponent(id)}${suffix}`, base);

  const send = async (url: URL, init: Init) => {
    const response = await fetchFunction(url, { ...init, headers: { ...fixedHeaders, ...init.headers } });
    if (!response.ok) throw await ProxyResponseError.of(url.href, response);
    return response;
  };
  const json = async (url: URL, init: Init = {}) =>
    (
      await send(url, { ...init, headers: { Accept: "application/json", ...init.headers } })
    ).json() as Promise<unknown>;

  const readPage = async (url: URL, signal: AbortSignal | undefined): Promise<ListedPage> => {
    const body = (await json(url, signal === undefined ? {} : { signal })) as {
      value?: unknown;
      "@odata.nextLink"?: unknown;
    };
    if (!Array.isArray(body.value))
      throw new TypeError(`${url.href} answered a list without a "value" array`);
    const page: ListedPage = { operations: [], unreadable: [] };
    for (const input of body.value) {
      try {
        page.operations.push(readWireOperation(input));
      } catch (error) {
        page.unreadable.push({ input, message: (error as Error).message });
      }
    }
    if (typeof body["@odata.nextLink"] === "string") page.nextLink = body["@odata.nextLink"];
    return page;
  };

  const listUrl = (search: string) => {
    const url = new URL("operations", base);
    url.search = search;
    return url;
  };

  // A next link's query applied to the client's own list address: the link may name the proxy's public
  // URL or a versioned prefix, and the credentials never go to another host.
  const pageOf = (nextLink: string) => listUrl(new URL(nextLink, base).search);

  const openEvents = async (streamOptions: StreamOptions = {}) => {
    const url =
      streamOptions.id === undefined
        ? new URL("operations/events", base)
        : operationUrl(streamOptions.id, "/events");
    const headers: Record<string, string> = { Accept: "text/event-stream", "Cache-Control": "no-cache" };
    if (streamOptions.lastEventId !== undefined) headers["Last-Event-ID"] = streamOptions.lastEventId;
    const response = await send(url, {
      headers,
      ...(streamOptions.signal === undefined ? {} : { signal: streamOptions.signal }),
    });
    const type = response.headers.get("content-type") ?? "";
    if (response.body === null || !type.startsWith("text/event-stream")) {
      await response.body?.cancel();
      throw new ProxyResponseError(url.href, response.status, `expected text/event-stream, got "${type}"`);
    }
    return response;
  };

  const client: ProxyClient = {
    async get(id, requestOptions = {}) {
      return readWireOperation(await json(operationUrl(id), { ...signalOf(requestOptions) }));
    },
    async wait(id, seconds, requestOptions = {}) {
      if (!Number.isInteger(seconds) || seconds < 0)
        throw new RangeError(`wait takes whole seconds, got ${seconds}`);
      return readWireOperation(
        await json(operationUrl(id), { ...signalOf(requestOptions), headers: { Prefer: `wait=${seconds}` } }),
      );
    },
    list(listOptions = {}) {
      const query: string[] = [];
      if (listOptions.top !== undefined) query.push(`$top=${listOptions.top}`);
      if (listOptions.filter !== undefined) query.push(`$filter=${encodeURIComponent(listOptions.filter)}`);
      return readPage(listUrl(query.join("&")), listOptions.signal);
    },
    nextPage(nextLink, requestOptions = {}) {
      return readPage(pageOf(nextLink), requestOptions.signal);
    },
    async *pages(listOptions = {}) {
      let page = await client.list(listOptions);
      yield page;
      while (page.nextLink !== undefined) {
        page = await client.nextPage(page.nextLink, listOptions);
        yield page;
      }
    },
    async adopt(request, adoptOptions = {}) {
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (adoptOptions.authorization !== undefined) headers.Authorization = adoptOptions.authorization;
      const url = new URL("operations", base);
      return readWireOperation(
        await json(url, {
          method: "POST",
          body: JSON.stringify(request),
          headers,
          ...signalOf(adoptOptions),
        }),
      );
    },
    async delete(id, requestOptions = {}) {
      const url = operationUrl(id);
      const response = await fetchFunction(url, {
        method: "DELETE",
        headers: fixedHeaders,
        ...signalOf(requestOptions),
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return false;
      }
      if (!response.ok) throw await ProxyResponseError.of(url.href, response);
      await response.body?.cancel();
      return true;
    },
    async streamToken(id, requestOptions = {}) {
      const answer = await json(operationUrl(id, "/stream-token"), {
        method: "POST",
        ...signalOf(requestOptions),
      });
      return streamTokenSchema.parse(answer);
    },
    openEvents,
    async *stream(streamOptions = {}) {
      let lastEventId = streamOptions.lastEventId;
      let delayMs = streamOptions.reconnectDelayMs ?? 1000;
      const signal = streamOptions.signal;
      const aborted = () => signal?.aborted === true;
      while (!aborted()) {
        let response: Response;
        try {
          response = await openEvents({
            ...streamOptions,
            ...(lastEventId === undefined ? {} : { lastEventId }),
          });
        } catch (error) {
          if (aborted()) return;
          if (ProxyResponseError.isInstance(error) && (error.fatal || error.status < 500)) throw error;
          await sleep(delayMs, signal);
          continue;
        }
        try {
          for await (const signalOfStream of readEventStream(
            response.body as ReadableStream<Uint8Array>,
            lastEventId ?? "",
          )) {
            if (signalOfStream.type === "retry") delayMs = signalOfStream.ms;
            if (signalOfStream.type !== "event") continue;
            const { event } = signalOfStream;
            if (event.lastEventId !== "") lastEventId = event.lastEventId;
            const read = readStreamEvent(event.event, event.data, event.lastEventId);
            if (read !== undefined) yield read;
          }
        } catch (error) {
          if (aborted()) return;
          if (!EventStreamInterruptedError.isInstance(error)) throw error;
        }
        await sleep(delayMs, signal);
      }
    },
  };
  return client;
}

function signalOf(options: RequestOptions): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}

/** One frame of an operation stream, read; events of other names are left out. */
export function readStreamEvent(
  event: string,
  data: string,
  eventId: string,
): OperationStreamEvent | undefined {
  if (event !== "operation" && event !== "deleted") return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    if (event === "operation") return { type: "operation", eventId, operation: readWireOperation(parsed) };
    return { type: "deleted", eventId, id: deletedEventDataSchema.parse(parsed).id };
  } catch (error) {
    return { type: "unreadable", eventId, event, message: (error as Error).message };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
