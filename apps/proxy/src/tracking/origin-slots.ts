/** A queue read from the front without moving the rest (Array#shift is linear). */
class FifoQueue<Item> {
  private items: Item[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: Item): void {
    this.items.push(item);
  }
  shift(): Item | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  takeAll(drop: (item: Item) => boolean): Item[] {
    const rest = this.items.slice(this.head);
    this.items = rest.filter((item) => !drop(item));
    this.head = 0;
    return rest.filter(drop);
  }
}

export interface OriginSlotsOptions {
  /** Work in flight at once, all origins together. */
  total: number;
  /** Work in flight at once for one origin, so that a slow or throttling origin cannot take every slot. */
  perOrigin: number;
}

/**
 * Work ready to start, queued per upstream origin, and the slots it runs in: at most `total` at once and
 * at most `perOrigin` per origin. Origins take turns, so one origin's backlog does not delay the others.
 */
export interface OriginSlots<Item> {
  /** Queues `item`, ready to start, behind the others of `origin`. */
  enqueue(origin: string, item: Item): void;
  /** Takes a slot for the next item that may start now, the origins in turn; undefined when none may. */
  next(): { origin: string; item: Item } | undefined;
  /** Gives back the slot an item of `origin` held. */
  release(origin: string): void;
  /** Takes out every queued item `drop` accepts. */
  remove(drop: (item: Item) => boolean): Item[];
  /** Slots taken. */
  readonly inFlight: number;
  /** Items queued. */
  readonly waiting: number;
}

export function createOriginSlots<Item>(options: OriginSlotsOptions): OriginSlots<Item> {
  const total = Math.max(1, options.total);
  const perOrigin = Math.max(1, options.perOrigin);
  const origins = new Map<string, { queue: FifoQueue<Item>; active: number }>();
  // Origins with queued items, in the order they get their next turn.
  const turns = new Set<string>();
  let inFlight = 0;
  let waiting = 0;

  const entry = (origin: string) => {
    let found = origins.get(origin);
    if (found === undefined) origins.set(origin, (found = { queue: new FifoQueue(), active: 0 }));
    return found;
  };
  const forgetIfIdle = (origin: string) => {
    const found = origins.get(origin);
    if (found !== undefined && found.active === 0 && found.queue.length === 0) origins.delete(origin);
  };

  return {
    enqueue(origin, item) {
      entry(origin).queue.push(item);
      waiting += 1;
      turns.add(origin);
    },
    next() {
      if (inFlight >= total) return undefined;
      for (const origin of turns) {
        const found = origins.get(origin)!;
        if (found.active >= perOrigin) continue;
        const item = found.queue.shift()!;
        waiting -= 1;
        found.active += 1;
        inFlight += 1;
        // Its next turn comes after every other origin's.
        turns.delete(origin);
        if (found.queue.length > 0) turns.add(origin);
        return { origin, item };
      }
      return undefined;
    },
    release(origin) {
      const found = origins.get(origin);
      if (found === undefined || found.active === 0) return;
      found.active -= 1;
      inFlight -= 1;
      forgetIfIdle(origin);
    },
    remove(drop) {
      const removed: Item[] = [];
      for (const [origin, found] of origins) {
        const taken = found.queue.takeAll(drop);
        if (taken.length === 0) continue;
        removed.push(...taken);
        waiting -= taken.length;
        if (found.queue.length === 0) turns.delete(origin);
        forgetIfIdle(origin);
      }
      return removed;
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiting;
    },
  };
}
