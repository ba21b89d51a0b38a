/** Runs `task` for 0..count-1 with at most `parallel` in flight. */
export async function inParallel<Result>(
  count: number,
  parallel: number,
  task: (index: number) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return results;
}

/**
 * Starts one OneNote page copy (linear progress) on the simulator, its monitor asking `Retry-After:
 * monitorRetryAfterSeconds` when given; resolves with its monitor address.
 */
export async function startUpstreamOperation(
  simulatorUrl: string,
  durationMs: number,
  monitorRetryAfterSeconds?: number,
): Promise<string> {
  const response = await fetch(`${simulatorUrl}/v1.0/me/onenote/pages/bench-page/copyToSection`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-simulator-scenario": JSON.stringify({ durationMs, progress: "linear", monitorRetryAfterSeconds }),
    },
    body: JSON.stringify({ id: "bench-section" }),
  });
  await response.arrayBuffer();
  const monitor = response.headers.get("operation-location");
  if (monitor === null)
    throw new Error(`The simulator answered ${response.status} without Operation-Location`);
  return monitor;
}
