/** Items ordered by a time: the earliest comes out first (a binary min-heap). */
export interface DueHeap<Item> {
  push(item: Item): void;
  /** The earliest item, left in place. */
  peek(): Item | undefined;
  /** Takes the earliest item out. */
  pop(): Item | undefined;
  /** Takes out every item `drop` accepts (the rest keep their order). */
  remove(drop: (item: Item) => boolean): Item[];
  readonly size: number;
}

export function createDueHeap<Item>(timeOf: (item: Item) => number): DueHeap<Item> {
  const items: Item[] = [];
  const before = (left: number, right: number) => timeOf(items[left]!) < timeOf(items[right]!);
  const swap = (left: number, right: number) => {
    const held = items[left]!;
    items[left] = items[right]!;
    items[right] = held;
  };
  const up = (start: number) => {
    for (let index = start; index > 0;) {
      const parent = (index - 1) >> 1;
      if (!before(index, parent)) return;
      swap(index, parent);
      index = parent;
    }
  };
  const down = (start: number) => {
    for (let index = start; ;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && before(left, smallest)) smallest = left;
      if (right < items.length && before(right, smallest)) smallest = right;
      if (smallest === index) return;
      swap(index, smallest);
      index = smallest;
    }
  };
  return {
    push(item) {
      items.push(item);
      up(items.length - 1);
    },
    peek: () => items[0],
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        down(0);
      }
      return top;
    },
    remove(drop) {
      const dropped = items.filter(drop);
      if (dropped.length === 0) return [];
      const kept = items.filter((item) => !drop(item));
      items.length = 0;
      for (const item of kept) {
        items.push(item);
        up(items.length - 1);
      }
      return dropped;
    },
    get size() {
      return items.length;
    },
  };
}
