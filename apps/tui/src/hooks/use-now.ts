import type { RefObject } from "react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { screenStore } from "./screen-store.js";

/**
 * The current time, read every `intervalMs`, so relative times ("12s") move on their own. `shows` says
 * whether a time changes any text on screen (ages in view change once a minute, not every second): a
 * tick that changes none draws no frame, and the next frame drawn for any reason has the time.
 */
export function useNow(
  intervalMs = 1000,
  now: () => number = Date.now,
  shows?: RefObject<((time: number) => boolean) | undefined>,
): number {
  const [store] = useState(() => screenStore(now()));
  useEffect(() => {
    const timer = setInterval(() => {
      const time = now();
      store.set(time, shows?.current?.(time) ?? true);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, now, store, shows]);
  return useSyncExternalStore(store.subscribe, store.get);
}
