import { useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs`, so relative times ("12s") move on their own. */
export function useNow(intervalMs = 1000, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, now]);
  return time;
}
