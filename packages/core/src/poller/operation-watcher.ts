import { defer, finalize, ReplaySubject, share } from "rxjs";
import type { Observable } from "rxjs";
import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";
import type { PollOptions } from "./poll-options.js";
import { runPoll } from "./poll-run.js";
import { checkPollOptions, monitorAddress } from "./poll-setup.js";

/** What may differ from one watched monitor to the next. */
export interface WatchOptions {
  /** The request that started the operation: its origin may receive the Authorization. */
  requestUrl?: string | URL | undefined;
  kind?: OperationKind | undefined;
}

export interface OperationWatcher {
  /**
   * The operation behind `monitorUrl`. Every subscriber of the same monitor shares one upstream poll;
   * a late subscriber gets the latest snapshot at once. The poll stops when the last one unsubscribes.
   * The first subscriber's `options` apply while the poll runs.
   */
  watch(monitorUrl: string | URL, options?: WatchOptions): Observable<Operation>;
  /** How many monitors are being polled now. */
  readonly size: number;
}

/**
 * Follows many operations at once: one poll per monitor however many subscribers, each poll a single
 * pending timer or request, so tens of thousands of operations stay cheap. `options` apply to every poll.
 */
export function createOperationWatcher(options: PollOptions = {}): OperationWatcher {
  checkPollOptions(options);
  const polls = new Map<string, Observable<Operation>>();
  const sharedPoll = (url: URL, watchOptions: WatchOptions) => {
    const key = url.href;
    const existing = polls.get(key);
    if (existing) return existing;
    const poll$ = runPoll(url, options, {}, definedOnly(watchOptions)).pipe(
      finalize(() => {
        if (polls.get(key) === poll$) polls.delete(key);
      }),
      share({ connector: () => new ReplaySubject<Operation>(1) }),
    );
    polls.set(key, poll$);
    return poll$;
  };
  return {
    watch(monitorUrl, watchOptions = {}) {
      const url = monitorAddress(monitorUrl);
      return defer(() => sharedPoll(url, watchOptions));
    },
    get size() {
      return polls.size;
    },
  };
}

function definedOnly(options: WatchOptions): WatchOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
