import type { Observable, Subscription } from "rxjs";

export interface Observed<T> {
  values: T[];
  error: unknown;
  completed: boolean;
  subscription: Subscription;
}

/** Subscribes and records what the observable does, for tests that advance virtual time in between. */
export function observe<T>(observable: Observable<T>): Observed<T> {
  const observed = { values: [] as T[], error: undefined as unknown, completed: false } as Observed<T>;
  observed.subscription = observable.subscribe({
    next: (value) => observed.values.push(value),
    error: (error: unknown) => {
      observed.error = error;
    },
    complete: () => {
      observed.completed = true;
    },
  });
  return observed;
}
