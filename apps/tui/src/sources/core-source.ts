import type { Operation, PollOptions } from "@lro/core";
import { OperationFailedError, createOperationWatcher } from "@lro/core";
import type { Observable } from "rxjs";
import {
  EMPTY,
  Subject,
  catchError,
  concat,
  defer,
  filter,
  finalize,
  from,
  merge,
  mergeMap,
  of,
  takeUntil,
} from "rxjs";
import type { OperationSource, SourceEvent } from "./operation-source.js";
import { graphOrigin } from "./graph-origin.js";
import { describeFailure } from "./proxy-errors.js";

export interface CoreSourceOptions {
  /** The monitors to follow from the start. */
  monitorUrls: readonly string[];
  /** A Graph access token, sent as `Authorization: Bearer ...` to `tokenOrigins` only. Never logged. */
  token?: string | undefined;
  /**
   * The origins whose monitors may receive the token; default Graph's own. A driveItem copy monitor on
   * SharePoint needs none, and the token must not leak to it.
   */
  tokenOrigins?: readonly string[];
  /** Options for every poll (pacing, transport, scheduler...). */
  pollOptions?: PollOptions;
  /** How one monitor is followed; default an @lro/core `createOperationWatcher` (one poll per monitor). */
  follow?: (monitorUrl: string, options: PollOptions) => Observable<Operation>;
  now?: () => number;
}

const bearer = (token: string) => (/^bearer /i.test(token) ? token : `Bearer ${token}`);

/** Operations followed directly with @lro/core: one poll per monitor, keyed by the monitor URL. */
export function createCoreSource(options: CoreSourceOptions): OperationSource {
  const now = options.now ?? Date.now;
  const token = options.token;
  const tokenOrigins = options.tokenOrigins ?? [graphOrigin];
  const pollOptions: PollOptions = {
    ...options.pollOptions,
    ...(token === undefined || token === ""
      ? {}
      : {
          getAuthorization: () => bearer(token),
          // The scope of the token: these origins, never simply "the monitor's own".
          requestUrl: tokenOrigins[0] ?? graphOrigin,
          trustedOrigins: tokenOrigins,
        }),
  };
  const stops = new Subject<string>();

  const events$ = defer(() => {
    const custom = options.follow;
    const watcher = createOperationWatcher(pollOptions);
    const follow = (monitorUrl: string) =>
      custom === undefined ? watcher.watch(monitorUrl) : custom(monitorUrl, pollOptions);
    const followed = new Set<string>();
    const active = new Set<string>();
    const waitingForFirst = new Set(options.monitorUrls);
    const side = new Subject<SourceEvent>();
    const polling = (): SourceEvent => ({
      type: "connection",
      connection: { state: "polling", monitors: active.size },
      at: now(),
    });
    /** The event, followed by `listed` when it is the last of the first monitors to report. */
    const withListed = (event: SourceEvent, key: string): SourceEvent[] =>
      waitingForFirst.delete(key) && waitingForFirst.size === 0
        ? [event, { type: "listed", at: now() }]
        : [event];

    const followOne = (monitorUrl: string): Observable<SourceEvent> => {
      if (followed.has(monitorUrl)) return EMPTY;
      followed.add(monitorUrl);
      active.add(monitorUrl);
      const stopped$ = stops.pipe(filter((key) => key === monitorUrl));
      return concat(
        of(polling()),
        follow(monitorUrl).pipe(
          mergeMap((operation) =>
            withListed(
              { type: "operation", update: { key: monitorUrl, operation, monitorUrl }, at: now() },
              monitorUrl,
            ),
          ),
          catchError((error: unknown) =>
            OperationFailedError.isInstance(error)
              ? EMPTY
              : from(
                  withListed(
                    {
                      type: "problem",
                      key: monitorUrl,
                      monitorUrl,
                      message: describeFailure(error),
                      at: now(),
                    },
                    monitorUrl,
                  ),
                ),
          ),
          takeUntil(stopped$),
          finalize(() => {
            active.delete(monitorUrl);
            side.next(polling());
          }),
        ),
      );
    };

    const stopEvents$ = stops.pipe(
      mergeMap((key) => {
        followed.delete(key);
        return from(withListed({ type: "removed", key, at: now() }, key));
      }),
    );
    const initial$ =
      options.monitorUrls.length === 0 ? of<SourceEvent>({ type: "listed", at: now() }) : EMPTY;
    return merge(side, stopEvents$, initial$, from(options.monitorUrls).pipe(mergeMap(followOne)));
  });

  return {
    mode: "core",
    events$,
    // Each monitor is polled on its own schedule (Graph's pacing); there is no connection to make again.
    reconnect: () => false,
    async stop(key) {
      stops.next(key);
    },
  };
}
