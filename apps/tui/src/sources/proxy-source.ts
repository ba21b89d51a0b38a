import type { SchedulerLike } from "rxjs";
import {
  EMPTY,
  Observable,
  Subject,
  asyncScheduler,
  concat,
  defer,
  from,
  merge,
  mergeMap,
  of,
  retry,
  switchMap,
  throwError,
  timeout,
  timer,
} from "rxjs";
import {
  createProxyClient,
  EventStreamInterruptedError,
  ProxyResponseError,
  readWireOperation,
  toOperation,
} from "@lro/client";
import type { OperationSource, SourceEvent } from "./operation-source.js";
import { describeFailure, withRequestTimeout } from "./proxy-errors.js";
import type { StreamSignal } from "./read-event-stream.js";
import { readEventStream } from "./read-event-stream.js";
import type { ReconnectPolicy } from "./reconnect-delay.js";
import { defaultReconnectPolicy, reconnectDelay } from "./reconnect-delay.js";

export interface ProxySourceOptions {
  /** The proxy's base URL, e.g. http://127.0.0.1:8080 (a path prefix is kept). */
  proxyUrl: URL;
  /** Sent as `X-API-Key`; never logged. */
  apiKey: string;
  fetch?: typeof fetch;
  reconnect?: ReconnectPolicy;
  /**
   * A request unanswered this long is abandoned with a `ProxyTimeoutError` and retried (a stopped or
   * overloaded proxy accepts connections and never answers): the list, until its last page is read; the
   * event stream, until its headers come. Default 10 s.
   */
  requestTimeoutMs?: number;
  /**
   * Reconnect when the stream is silent this long (the proxy sends a heartbeat comment every 15 s).
   * Default 45 s, or three request timeouts when that is longer.
   */
  silenceTimeoutMs?: number;
  random?: () => number;
  now?: () => number;
  scheduler?: SchedulerLike;
}

const deletedId = (data: string): string | undefined => {
  const parsed = JSON.parse(data) as { id?: unknown };
  return typeof parsed.id === "string" ? parsed.id : undefined;
};

/** One operation of the wire as an event; one that does not read is reported as a problem, not dropped. */
function operationEvent(input: unknown, at: number): SourceEvent {
  try {
    const wire = readWireOperation(input);
    const operation = toOperation(wire);
    const { monitorUrl, version } = wire;
    const key = operation.id ?? String(version);
    return { type: "operation", update: { key, operation, monitorUrl, version }, at };
  } catch (error) {
    const id = (input as { id?: unknown } | null)?.id;
    const key = typeof id === "string" ? id : "?";
    return {
      type: "problem",
      key,
      message: `the proxy sent an unreadable operation: ${describeFailure(error)}`,
      at,
    };
  }
}

/**
 * Operations from lro-proxy: `GET /operations` once, then the `GET /operations/events` stream, reconnecting
 * with backoff and resuming with `Last-Event-ID` so no change is lost while disconnected.
 */
export function createProxySource(options: ProxySourceOptions): OperationSource {
  const client = createProxyClient({
    baseUrl: options.proxyUrl,
    apiKey: options.apiKey,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const now = options.now ?? Date.now;
  const scheduler = options.scheduler ?? asyncScheduler;
  const policy = options.reconnect ?? defaultReconnectPolicy;
  const random = options.random ?? Math.random;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const silenceTimeoutMs = options.silenceTimeoutMs ?? Math.max(45_000, 3 * requestTimeoutMs);
  const localRemovals = new Subject<SourceEvent>();
  const reconnectRequests = new Subject<void>();
  const listUrl = new URL(
    "operations",
    options.proxyUrl.href.endsWith("/") ? options.proxyUrl : `${options.proxyUrl.href}/`,
  ).href;
  const eventsUrl = `${listUrl}/events`;

  /** Every page of the list, each operation as sent (an unreadable one becomes a problem, not a gap). */
  const listEverything = (signal: AbortSignal) =>
    withRequestTimeout(listUrl, requestTimeoutMs, signal, async (timed) => {
      const operations: unknown[] = [];
      for await (const page of client.pages({ signal: timed })) {
        operations.push(...page.operations, ...page.unreadable.map((item) => item.input));
      }
      return operations;
    });

  const events$ = defer(() => {
    const connection = new Subject<SourceEvent>();
    let listed = false;
    let lastEventId: string | undefined;
    let retryHintMs: number | undefined;

    const toSourceEvent = (signal: StreamSignal): Observable<SourceEvent> => {
      if (signal.type === "retry") retryHintMs = signal.ms;
      if (signal.type !== "event") return EMPTY;
      const { event } = signal;
      if (event.lastEventId !== "") lastEventId = event.lastEventId;
      try {
        if (event.event === "operation") return of(operationEvent(JSON.parse(event.data), now()));
        if (event.event === "deleted") {
          const id = deletedId(event.data);
          return id === undefined ? EMPTY : of({ type: "removed", key: id, at: now() });
        }
      } catch (error) {
        const message = `the proxy sent an unreadable event ${event.lastEventId}: ${describeFailure(error)}`;
        return of({ type: "problem", key: `event ${event.lastEventId}`, message, at: now() });
      }
      return EMPTY;
    };

    const list$ = new Observable<unknown[]>((subscriber) => {
      const controller = new AbortController();
      listEverything(controller.signal).then(
        (operations) => {
          subscriber.next(operations);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => controller.abort();
    }).pipe(
      mergeMap((operations) => {
        const events = operations.map((input) => operationEvent(input, now()));
        const newest = events.reduce(
          (highest, event) => Math.max(highest, event.type === "operation" ? (event.update.version ?? 0) : 0),
          0,
        );
        // The stream resumes after the newest change listed: whatever changed since is replayed.
        lastEventId = String(newest);
        listed = true;
        return from([...events, { type: "listed", at: now() } satisfies SourceEvent]);
      }),
    );

    const stream$ = new Observable<SourceEvent>((subscriber) => {
      const controller = new AbortController();
      // The timeout covers the wait for the answer's headers; then the stream's silence is watched.
      const opened = withRequestTimeout(eventsUrl, requestTimeoutMs, undefined, (timed) => {
        timed.addEventListener("abort", () => controller.abort(), { once: true });
        return client.openEvents({
          ...(lastEventId === undefined ? {} : { lastEventId }),
          signal: controller.signal,
        });
      });
      const subscription = from(opened)
        .pipe(
          mergeMap((response) => {
            if (response.body === null)
              throw new EventStreamInterruptedError("the proxy sent no event stream");
            const live: SourceEvent = { type: "connection", connection: { state: "live" }, at: now() };
            return concat(
              of(live),
              readEventStream(response.body, lastEventId).pipe(
                timeout({
                  each: silenceTimeoutMs,
                  scheduler,
                  with: () =>
                    throwError(() => new EventStreamInterruptedError("the event stream went silent")),
                }),
                mergeMap(toSourceEvent),
              ),
            );
          }),
        )
        .subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        controller.abort();
      };
    });

    // Each `R` drops whatever is under way (a stream, a hung request, a wait) and starts afresh, with
    // the attempts counted from one again.
    const connected$ = merge(of(0), reconnectRequests).pipe(
      switchMap((_request, index) =>
        concat(
          index === 0
            ? EMPTY
            : of<SourceEvent>({ type: "connection", connection: { state: "connecting" }, at: now() }),
          defer(() => (listed ? stream$ : concat(list$, stream$))).pipe(
            retry({
              resetOnSuccess: true,
              delay: (error: unknown, attempt) => {
                if (ProxyResponseError.isInstance(error) && error.fatal) return throwError(() => error);
                const retryInMs = reconnectDelay(attempt, policy, random, retryHintMs);
                const reason = describeFailure(error);
                connection.next({
                  type: "connection",
                  connection: { state: "reconnecting", attempt, retryInMs, reason },
                  at: now(),
                });
                return timer(retryInMs, scheduler);
              },
            }),
          ),
        ),
      ),
    );

    return merge(
      of<SourceEvent>({ type: "connection", connection: { state: "connecting" }, at: now() }),
      connection,
      localRemovals,
      connected$,
    );
  });

  return {
    mode: "proxy",
    events$,
    reconnect() {
      reconnectRequests.next();
      return true;
    },
    async stop(key) {
      await withRequestTimeout(
        `${listUrl}/${encodeURIComponent(key)}`,
        requestTimeoutMs,
        undefined,
        (signal) => client.delete(key, { signal }),
      );
      localRemovals.next({ type: "removed", key, at: now() });
    },
  };
}
