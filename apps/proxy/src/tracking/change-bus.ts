import type { OperationChange } from "../store/operation-change.js";
import type { ChangeFeed } from "../store/change-feed.js";

export type ChangeListener = (change: OperationChange) => void;

/**
 * Fans the store's committed changes out to the waiting requests and event streams of this process,
 * indexed by owner, so a change costs one lookup whatever the number of other owners' watchers.
 */
export interface ChangeBus {
  /** Calls `listener` with every change of `owner`'s operations (only of `operationId` when given). */
  subscribe(owner: string, listener: ChangeListener, operationId?: string): () => void;
  /** Open subscriptions. */
  readonly size: number;
  close(): void;
}

export function createChangeBus(store: Pick<ChangeFeed, "subscribe">): ChangeBus {
  const byOwner = new Map<string, Set<{ listener: ChangeListener; operationId: string | undefined }>>();
  let size = 0;
  const unsubscribeStore = store.subscribe((change) => {
    for (const subscription of byOwner.get(change.owner) ?? []) {
      if (subscription.operationId === undefined || subscription.operationId === change.id) {
        subscription.listener(change);
      }
    }
  });
  return {
    subscribe(owner, listener, operationId) {
      const subscription = { listener, operationId };
      let subscriptions = byOwner.get(owner);
      if (subscriptions === undefined) byOwner.set(owner, (subscriptions = new Set()));
      subscriptions.add(subscription);
      size += 1;
      return () => {
        if (!subscriptions.delete(subscription)) return;
        size -= 1;
        if (subscriptions.size === 0 && byOwner.get(owner) === subscriptions) byOwner.delete(owner);
      };
    },
    get size() {
      return size;
    },
    close() {
      unsubscribeStore();
      byOwner.clear();
      size = 0;
    },
  };
}
