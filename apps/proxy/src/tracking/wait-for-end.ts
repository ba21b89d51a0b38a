import { NotFoundError } from "../http-errors/request-errors.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { OperationRecords } from "../store/operation-records.js";
import type { ChangeBus } from "./change-bus.js";
import { followingEnded } from "./following-ended.js";

export interface WaitTarget {
  store: Pick<OperationRecords, "get">;
  changes: Pick<ChangeBus, "subscribe">;
  owner: string;
  id: string;
}

/**
 * Resolves with the operation as soon as it is finished, or as it stands after `timeoutMs`, or when
 * `signal` aborts (the client left); rejects with `NotFoundError` if it is deleted meanwhile.
 */
export function waitForEnd(
  target: WaitTarget,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<OperationRecord> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const current = () =>
      target.store.get(target.owner, target.id).then(
        (record) =>
          finish(() =>
            record === undefined
              ? reject(
                  new NotFoundError(`The operation ${JSON.stringify(target.id)} was deleted while waiting.`),
                )
              : resolve(record),
          ),
        (error: unknown) => finish(() => reject(error)),
      );
    const unsubscribe = target.changes.subscribe(
      target.owner,
      (change) => {
        if (change.type === "deleted") void current();
        else if (followingEnded(change.record)) finish(() => resolve(change.record));
      },
      target.id,
    );
    const onAbort = () => void current();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted === true) onAbort();
    const timer = setTimeout(() => void current(), timeoutMs);
    // The operation may have ended between the caller's read and the subscription.
    target.store.get(target.owner, target.id).then(
      (record) => {
        if (record === undefined || followingEnded(record)) void current();
      },
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
