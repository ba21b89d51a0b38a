import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

const youngGenerationSize = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;

/** Grows V8's young generation to `bytes` now: short-lived objects that survive scavenges make it grow. */
function growYoungGeneration(bytes: number): void {
  setFlagsFromString("--semi-space-growth-factor=2");
  try {
    const kept: number[][] = [];
    // Each scavenge doubles the young generation at most, and the size is read after every allocation:
    // growth stops at the first size that reaches `bytes` (1, 2, 4, 8 MB from V8's start). Chunks of
    // 32 KB, never more than four times `bytes` in all.
    for (let chunk = 0; youngGenerationSize() < bytes && chunk < bytes / 8192; chunk += 1) {
      kept.push(Array.from({ length: 4096 }, () => chunk));
    }
  } finally {
    setFlagsFromString("--semi-space-growth-factor=1");
  }
}

/**
 * Keeps V8's young generation at `bytes` (the dashboard's: 8 MB) instead of the 1 MB it starts with.
 * A frame of the dashboard makes a few megabytes of short-lived objects (Ink lays out and draws every cell
 * of the screen): in 1 MB they outlive several scavenges each, are copied and promoted, and the old
 * generation fills and is marked again and again. In 8 MB most die before a scavenge: a third less CPU a
 * key with 10,000 operations. Node reads its own `--min-semi-space-size` only at start, so the size is
 * reached by growing (then growth is stopped again, since V8 would go on to 64 MB); V8 shrinks an idle
 * young generation, so after a collection that did, it is grown again. Nothing happens until the first
 * collection: `--help` or `--version` pay nothing.
 */
export function holdYoungGeneration(bytes: number): () => void {
  let growing = false;
  const observer = new PerformanceObserver(() => {
    if (growing || youngGenerationSize() >= bytes) return;
    growing = true;
    try {
      growYoungGeneration(bytes);
    } finally {
      growing = false;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return () => observer.disconnect();
}
