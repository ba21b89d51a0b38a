import type { RequestCount } from "@lro/simulator";

/** Monitor GETs the simulator answered (routes named `monitor.*`), whatever the status. */
export function monitorPolls(counts: readonly RequestCount[]): number {
  return counts
    .filter((count) => count.route.startsWith("monitor."))
    .reduce((sum, count) => sum + count.count, 0);
}

/** Every request but the simulator's own control endpoints: starts, polls and any final GET of a result. */
export function clientRequests(counts: readonly RequestCount[]): number {
  return counts
    .filter((count) => !count.route.startsWith("control."))
    .reduce((sum, count) => sum + count.count, 0);
}

/** Reads a simulator's request counters over HTTP (from a client process). */
export async function readRequestCounts(graphUrl: string): Promise<RequestCount[]> {
  const response = await fetch(`${graphUrl}/_simulator/requests`);
  return ((await response.json()) as { value: RequestCount[] }).value;
}
