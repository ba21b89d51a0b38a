import type { OperationEntry } from "./operations-state.js";

/** The entries of a state by key: read-only, what `ReadonlyMap` offers that the dashboard uses. */
export interface EntryMap extends Iterable<[string, OperationEntry]> {
  readonly size: number;
  get(key: string): OperationEntry | undefined;
  has(key: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<OperationEntry>;
  entries(): IterableIterator<[string, OperationEntry]>;
}

/** A batch's edits of an `EntryMap`, made into a new one (the old one is unchanged) by `done`. */
export interface EntryMapEdit {
  get(key: string): OperationEntry | undefined;
  set(key: string, entry: OperationEntry): void;
  delete(key: string): void;
  done(): EntryMap;
}

/**
 * PERSISTENT: a base map that is never written again, plus a small layer of what changed since (a key
 * mapped to undefined was removed). A batch that changes 3 entries among 10,000 copies the layer, not
 * the 10,000; once the layer outgrows twice the square root of the base, both are merged into a new
 * base (one copy every few dozen batches instead of one per batch).
 */
class LayeredEntryMap implements EntryMap {
  constructor(
    private readonly base: ReadonlyMap<string, OperationEntry>,
    private readonly layer: ReadonlyMap<string, OperationEntry | undefined>,
    readonly size: number,
  ) {}

  get(key: string): OperationEntry | undefined {
    return this.layer.has(key) ? this.layer.get(key) : this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): IterableIterator<[string, OperationEntry]> {
    for (const pair of this.base) if (!this.layer.has(pair[0])) yield pair;
    for (const [key, entry] of this.layer) if (entry !== undefined) yield [key, entry];
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<OperationEntry> {
    for (const [, entry] of this.entries()) yield entry;
  }

  [Symbol.iterator](): IterableIterator<[string, OperationEntry]> {
    return this.entries();
  }

  edit(): EntryMapEdit {
    const layer = new Map(this.layer);
    let size = this.size;
    return {
      get: (key) => (layer.has(key) ? layer.get(key) : this.base.get(key)),
      set: (key, entry) => {
        if ((layer.has(key) ? layer.get(key) : this.base.get(key)) === undefined) size += 1;
        layer.set(key, entry);
      },
      delete: (key) => {
        if ((layer.has(key) ? layer.get(key) : this.base.get(key)) === undefined) return;
        size -= 1;
        layer.set(key, undefined);
      },
      done: () => {
        const merged = new LayeredEntryMap(this.base, layer, size);
        if (layer.size <= Math.max(64, 2 * Math.sqrt(this.base.size))) return merged;
        return new LayeredEntryMap(new Map(merged.entries()), new Map(), size);
      },
    };
  }
}

export const emptyEntryMap: EntryMap = new LayeredEntryMap(new Map(), new Map(), 0);

/** A batch of edits of `entries` (an `EntryMap` this module made). */
export function editEntries(entries: EntryMap): EntryMapEdit {
  if (!(entries instanceof LayeredEntryMap)) throw new TypeError("Not an entry map made by editEntries.");
  return entries.edit();
}
