/**
 * A value read by the screen that is always current for whoever reads it, but wakes its readers (a
 * React render, hence an Ink frame of the whole screen) only when told the change shows. A change that
 * shows nothing (an operation off screen, a clock tick that moves no text in view) is picked up by the
 * next frame drawn for any other reason.
 */
export interface ScreenStore<T> {
  get(): T;
  /** Stores `value`; the readers are woken when `shows` is true. */
  set(value: T, shows: boolean): void;
  subscribe(listener: () => void): () => void;
}

export function screenStore<T>(initial: T): ScreenStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next, shows) {
      value = next;
      if (!shows) return;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
