/** The longest delay `setTimeout` takes (2^31 - 1 ms); a longer one fires after 1 ms. */
const longestTimerDelay = 2_147_483_647;

/** Something that waits in a `WakeQueue`: its due time and its place are kept on itself. */
export interface Sleeper {
  /** When it is due (epoch ms on the queue's clock). */
  wakeAt: number;
  /** Its index in the queue's heap; -1 while it is not queued. */
  wakeIndex: number;
  /** When it was queued, in the queue's count: breaks ties in due time (first queued, first woken). */
  wakeOrder: number;
  /** Called once it is due, after it left the queue. */
  wake(): void;
}

/**
 * Many waits on one platform timer: a binary min-heap of sleepers ordered by due time (earlier first, then
 * first queued), and one `setTimeout` armed for the earliest. Queuing, moving and removing a sleeper
 * allocate nothing, so thousands of polls waiting for seconds leave no timer object behind per wait.
 * Due sleepers wake in order, each one after the last (a sleeper queued while others wake waits for the
 * next turn). The timer keeps the process alive while anything waits, as one timer per wait would.
 */
export class WakeQueue {
  private readonly heap: Sleeper[] = [];
  /** Sleepers queued so far: the next one's `wakeOrder`. */
  private queued = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The due time the timer is armed for. */
  private armedAt = Infinity;
  private readonly fire = (): void => this.wakeDue();

  constructor(private readonly now: () => number = () => Date.now()) {}

  get size(): number {
    return this.heap.length;
  }

  /** Queues `sleeper` to wake at `at` (or moves it there, when it is queued already). */
  add(sleeper: Sleeper, at: number): void {
    if (sleeper.wakeIndex >= 0) this.remove(sleeper);
    sleeper.wakeAt = at;
    sleeper.wakeOrder = this.queued++;
    this.up(this.heap.length, sleeper);
    if (at < this.armedAt) this.arm();
  }

  /** Takes `sleeper` out of the queue; nothing when it is not queued. */
  remove(sleeper: Sleeper): void {
    const index = sleeper.wakeIndex;
    if (index < 0) return;
    this.take(index);
    if (this.heap.length === 0) this.disarm();
  }

  private wakeDue(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    // Only the sleepers due now: one that a wake queues for now or earlier waits for the next turn.
    const now = this.now();
    const last = this.queued;
    // A wake that throws does not hold up the others: they still wake, the timer is armed again, and the
    // first error is thrown after, as a timer of its own would have thrown it.
    let failure: { error: unknown } | undefined;
    while (this.heap.length > 0) {
      const first = this.heap[0]!;
      if (first.wakeAt > now || first.wakeOrder >= last) break;
      this.take(0);
      try {
        first.wake();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (this.heap.length > 0 && this.timer === undefined) this.arm();
    if (failure !== undefined) throw failure.error;
  }

  private take(index: number): void {
    const { heap } = this;
    const sleeper = heap[index]!;
    const last = heap.pop()!;
    if (last !== sleeper) {
      this.down(index, last);
      this.up(last.wakeIndex, last);
    }
    sleeper.wakeIndex = -1;
  }

  private arm(): void {
    const at = this.heap[0]!.wakeAt;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedAt = at;
    // A timer may fire a little before the clock shows its time (or, for a wait past the longest delay a
    // platform timer takes, about 24.8 days, long before it): it then fires again for the rest.
    this.timer = setTimeout(this.fire, Math.min(Math.max(0, at - this.now()), longestTimerDelay));
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Infinity;
  }

  private before(a: Sleeper, b: Sleeper): boolean {
    return a.wakeAt < b.wakeAt || (a.wakeAt === b.wakeAt && a.wakeOrder < b.wakeOrder);
  }

  /** Puts `sleeper` at `index` of the heap, and tells it where it is. */
  private place(sleeper: Sleeper, index: number): void {
    this.heap[index] = sleeper;
    sleeper.wakeIndex = index;
  }

  /** Places `sleeper` at `index` or above it, moving later parents down. */
  private up(index: number, sleeper: Sleeper): void {
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.heap[parentIndex]!;
      if (!this.before(sleeper, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(sleeper, index);
  }

  /** Places `sleeper` at `index` or below it, moving earlier children up. */
  private down(index: number, sleeper: Sleeper): void {
    const { heap } = this;
    const half = heap.length >> 1;
    while (index < half) {
      let childIndex = 2 * index + 1;
      const right = childIndex + 1;
      if (right < heap.length && this.before(heap[right]!, heap[childIndex]!)) childIndex = right;
      const child = heap[childIndex]!;
      if (!this.before(child, sleeper)) break;
      this.place(child, index);
      index = childIndex;
    }
    this.place(sleeper, index);
  }
}
