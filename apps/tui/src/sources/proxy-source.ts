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
import { describeFailure } from "./proxy-errors.js";
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
  /** Reconnect when the stream is silent this long (the proxy sends heartbeat comments). Default 45 s. */
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
  const silenceTimeoutMs = options.silenceTimeoutMs ?? 45_000;
  const localRemovals = new Subject<SourceEvent>();

  /** Every page of the list, each operation as sent (an unreadable one becomes a problem, not a gap). */
  const listEverything = async () => {
    const operations: unknown[] = [];
    for await (const page of client.pages()) {
      operations.push(...page.operations, ...page.unreadable.map((item) => item.input));
    }
    return operations;
  };

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

    const list$ = defer(() => from(listEverything())).pipe(
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
      const subscription = from(
        client.openEvents({
          ...(lastEventId === undefined ? {} : { lastEventId }),
          signal: controller.signal,
        }),
      )
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

    const connected$ = defer(() => (listed ? stream$ : concat(list$, stream$))).pipe(
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
    async stop(key) {
      await client.delete(key);
      localRemovals.next({ type: "removed", key, at: now() });
    },
  };
}
