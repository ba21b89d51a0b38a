import { LruMap } from "../support/lru-map.js";
import type { OperationRecord } from "./operation-record.js";
import type { OperationStore } from "./operation-store.js";

export interface RecordCacheOptions {
  /** Records kept, least recently read dropped first. Default 1,024. */
  capacity?: number;
}

/**
 * Keeps the records `get` read last, so that clients asking again and again for the same operations are
 * answered from memory. Every write through the store drops the records it touches (by id, or all of them
 * for a sweep), before and after the write, and a read that overlapped any write is not kept: a cached
 * record is always the latest one written. Records are shared between callers: never change one.
 *
 * Only for a store no other process writes to (the embedded SQLite store): another writer's changes
 * would not drop anything here.
 */
export function withRecordCache(store: OperationStore, options: RecordCacheOptions = {}): OperationStore {
  const capacity = options.capacity ?? 1024;
  const records = new LruMap<string, OperationRecord>(capacity);
  // Moves on every write; a read that started before a write began or ended does not fill the cache.
  let epoch = 0;

  const forget = (ids: Iterable<string>) => {
    epoch += 1;
    for (const id of ids) records.delete(id);
  };
  const forgetAll = () => {
    epoch += 1;
    records.clear();
  };
  /** A write of one known record: dropped before it starts and again once it is done. */
  const writing = async <Result>(id: string, write: () => Promise<Result>): Promise<Result> => {
    forget([id]);
    try {
      return await write();
    } finally {
      forget([id]);
    }
  };
  /** A write of records it returns: they are dropped once it is done. */
  const writingReturned = async (write: () => Promise<OperationRecord[]>): Promise<OperationRecord[]> => {
    epoch += 1;
    try {
      const written = await write();
      forget(written.map((record) => record.id));
      return written;
    } catch (error) {
      forgetAll();
      throw error;
    }
  };

  const cached: OperationStore = {
    list: (owner, options) => store.list(owner, options),
    countActive: (owner) => store.countActive(owner),
    countByStatus: () => store.countByStatus(),
    nextDueAt: () => store.nextDueAt(),
    listChangesSince: (owner, version, options) => store.listChangesSince(owner, version, options),
    subscribe: (listener) => store.subscribe(listener),
    async get(owner, id) {
      const cached = records.get(id);
      if (cached !== undefined) return cached.owner === owner ? cached : undefined;
      const started = epoch;
      const record = await store.get(owner, id);
      if (record !== undefined && epoch === started) records.set(id, record);
      return record;
    },
    insert: (record) => writing(record.id, () => store.insert(record)),
    remove: (owner, id, now) => writing(id, () => store.remove(owner, id, now)),
    recordPoll: (id, leaseOwner, result) => writing(id, () => store.recordPoll(id, leaseOwner, result)),
    recordNotification: (id, leaseOwner, progress) =>
      writing(id, () => store.recordNotification(id, leaseOwner, progress)),
    async recordPolls(leaseOwner, outcomes) {
      const ids = outcomes.map(({ id }) => id);
      forget(ids);
      try {
        return await store.recordPolls(leaseOwner, outcomes);
      } finally {
        forget(ids);
      }
    },
    claimDue: (now, limit, leaseOwner, leaseMs, options) =>
      writingReturned(() => store.claimDue(now, limit, leaseOwner, leaseMs, options)),
    claimDueNotifications: (now, limit, leaseOwner, leaseMs) =>
      writingReturned(() => store.claimDueNotifications(now, limit, leaseOwner, leaseMs)),
    resumeAwaitingAuthorization: (owner, tokenOrigin, now) =>
      writingReturned(() => store.resumeAwaitingAuthorization(owner, tokenOrigin, now)),
    async sweep(now, markerRetentionMs) {
      forgetAll();
      try {
        return await store.sweep(now, markerRetentionMs);
      } finally {
        forgetAll();
      }
    },
    async close() {
      forgetAll();
      await store.close();
    },
  };
  if (store.watchSchedule !== undefined) {
    const watchSchedule = store.watchSchedule.bind(store);
    cached.watchSchedule = (watcher) => watchSchedule(watcher);
  }
  return cached;
}
