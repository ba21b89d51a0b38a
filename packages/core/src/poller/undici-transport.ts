import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { directSend } from "./direct-send.js";
import type { AnswerReceiver, DirectSend, SentRequest } from "./direct-send.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/** The part of undici's dispatch controller the transport uses (undici 7 and 8 alike). */
export interface UndiciDispatchController {
  abort(reason: Error): void;
}

type ParsedHeaders = Record<string, string | string[] | undefined>;

/** The dispatch handler API that undici 7 and 8 share (undici 8 refuses the older callbacks). */
export interface UndiciDispatchHandler {
  onRequestStart(controller: UndiciDispatchController, context: unknown): void;
  onResponseStart(controller: UndiciDispatchController, statusCode: number, headers: ParsedHeaders): void;
  onResponseData(controller: UndiciDispatchController, chunk: Uint8Array): void;
  onResponseEnd(controller: UndiciDispatchController, trailers: ParsedHeaders): void;
  onResponseError(controller: UndiciDispatchController | null, error: Error): void;
}

/**
 * What the transport needs of an undici dispatcher: an `Agent`, `Pool` or `ProxyAgent` of undici 7 or 8
 * (or a `MockAgent`). Only `dispatch`, with the handler API both majors share, and `close`.
 */
export interface UndiciDispatcher {
  dispatch(
    options: {
      origin: string;
      path: string;
      method: string;
      headers: Readonly<Record<string, string>>;
      body: string | Uint8Array | null;
    },
    handler: UndiciDispatchHandler,
  ): boolean;
  close(): Promise<void>;
}

export interface UndiciTransportOptions {
  dispatcher: UndiciDispatcher;
  /** The most bytes of an answer's body read before the request ends with `ResponseTooLargeError`. */
  maxResponseBytes: number;
}

const utf8 = new TextDecoder();

/**
 * undici's parsed headers (lower-case names; a repeated header as an array) with repeats joined by ", ".
 * undici hands each answer a fresh object, so it is made the answer's own in place (no copy per poll).
 */
function readHeaders(parsed: ParsedHeaders): Record<string, string> {
  for (const name in parsed) {
    const value = parsed[name];
    if (value === undefined) delete parsed[name];
    else if (typeof value !== "string") parsed[name] = value.join(", ");
  }
  return parsed as Record<string, string>;
}

/**
 * The requests in flight under one AbortSignal. A poll loop sends all its requests under one signal, so
 * the signal gets one listener for its whole life instead of one added and removed per request.
 */
class SignalWatch {
  /** The request in flight (a poll loop has one at a time); any further ones in `more`. */
  private first: AnswerCollector | undefined;
  private more: Set<AnswerCollector> | undefined;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener("abort", this, { once: true });
  }

  add(collector: AnswerCollector): void {
    if (this.first === undefined) this.first = collector;
    else (this.more ??= new Set()).add(collector);
  }

  delete(collector: AnswerCollector): void {
    if (this.first === collector) this.first = undefined;
    else this.more?.delete(collector);
  }

  handleEvent(): void {
    const { reason } = this.signal;
    const open = [...(this.first === undefined ? [] : [this.first]), ...(this.more ?? [])];
    this.first = this.more = undefined;
    for (const collector of open) collector.abort(reason);
  }
}

const watches = new WeakMap<AbortSignal, SignalWatch>();

function watchOf(signal: AbortSignal): SignalWatch {
  let watch = watches.get(signal);
  if (watch === undefined) {
    watch = new SignalWatch(signal);
    watches.set(signal, watch);
  }
  return watch;
}

/**
 * Collects one answer through the dispatch handler API that undici 7 and 8 share (`onRequestStart`,
 * `onResponseStart`, `onResponseData`, `onResponseEnd`, `onResponseError`): no response stream, the
 * body counted as it arrives and decoded once. Past `maxBytes` the request is aborted (the connection is
 * dropped), so a monitor that streams without end costs at most the limit. Settles once.
 */
class AnswerCollector implements UndiciDispatchHandler, SentRequest {
  private status = 0;
  private headers: Record<string, string> | undefined;
  /** The body's first chunk (a monitor's answer comes in one), and any further ones. */
  private first: Uint8Array | undefined;
  private more: Uint8Array[] | undefined;
  private size = 0;
  private readonly watch: SignalWatch | undefined;
  private controller: UndiciDispatchController | undefined;
  private aborted: unknown;
  private settled = false;

  constructor(
    private readonly request: TransportRequest,
    private readonly maxBytes: number,
    private readonly receiver: AnswerReceiver,
  ) {
    const { signal } = request;
    if (signal !== undefined) {
      this.watch = watchOf(signal);
      this.watch.add(this);
    }
  }

  /** The request is cancelled (`DirectSend`): as an abort. */
  cancel(reason: unknown): void {
    if (!this.settled) this.abort(reason);
  }

  /** The caller's signal aborted: stop the request, or refuse it before it starts. */
  abort(reason: unknown): void {
    this.aborted = reason;
    if (this.controller) this.controller.abort(reason as Error);
    else this.fail(reason);
  }

  onRequestStart(controller: UndiciDispatchController): void {
    if (this.aborted !== undefined) return controller.abort(this.aborted as Error);
    this.controller = controller;
  }

  onResponseStart(controller: UndiciDispatchController, statusCode: number, headers: ParsedHeaders): void {
    // 1xx informational answers precede the real one.
    if (statusCode < 200) return;
    this.status = statusCode;
    const read = (this.headers = readHeaders(headers));
    const announced = Number(read["content-length"]);
    if (announced > this.maxBytes) controller.abort(this.tooLarge(announced));
  }

  onResponseData(controller: UndiciDispatchController, chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return controller.abort(this.tooLarge(this.size));
    if (this.first === undefined) this.first = chunk;
    else (this.more ??= []).push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settle();
    const { first, more } = this;
    const body =
      first === undefined ? "" : utf8.decode(more === undefined ? first : Buffer.concat([first, ...more]));
    this.receiver.onAnswer({ status: this.status, headers: this.headers ?? {}, body });
  }

  onResponseError(_controller: UndiciDispatchController | null, error: Error): void {
    this.fail(this.aborted ?? error);
  }

  private fail(reason: unknown): void {
    if (this.settled) return;
    this.settle();
    this.first = this.more = undefined;
    this.receiver.onNoAnswer(reason);
  }

  private tooLarge(receivedBytes: number): ResponseTooLargeError {
    const { method, url } = this.request;
    return new ResponseTooLargeError({ url: url.href, method, maxBytes: this.maxBytes, receivedBytes });
  }

  private settle(): void {
    this.settled = true;
    this.watch?.delete(this);
  }
}

/** Hands `request` to the dispatcher with `collector` as its handler. */
function dispatchTo(
  dispatcher: UndiciDispatcher,
  request: Omit<TransportRequest, "signal">,
  collector: AnswerCollector,
): void {
  // Worked out on each request (short-lived strings), not cached per URL: a cache entry per operation
  // would be held as long as the operation runs.
  const { url } = request;
  const dispatch = {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: request.method,
    headers: request.headers,
    body: request.body ?? null,
  };
  try {
    dispatcher.dispatch(dispatch, collector);
  } catch (error) {
    collector.onResponseError(null, error as Error);
  }
}

/** A transport over an undici dispatcher (by default a keep-alive `Agent`: one connection pool per origin). */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  const { dispatcher, maxResponseBytes } = options;
  const send: DirectSend = (request, receiver) => {
    const collector = new AnswerCollector(request, maxResponseBytes, receiver);
    dispatchTo(dispatcher, request, collector);
    return collector;
  };
  return {
    request(request: TransportRequest): Promise<TransportResponse> {
      const { signal } = request;
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const receiver = { onAnswer: resolve, onNoAnswer: reject };
        dispatchTo(dispatcher, request, new AnswerCollector(request, maxResponseBytes, receiver));
      });
    },
    close: () => dispatcher.close(),
    [directSend]: send,
  } as Transport;
}
