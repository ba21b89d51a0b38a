import autocannon from "autocannon";
import { rounded } from "../stats/summary.js";

/** Requests per second of one endpoint under autocannon. */
export interface Throughput {
  requestsPerSecond: number | null;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  errors: number;
  non2xx: number;
}

/** Load on `url` for `seconds` with `connections` keep-alive connections (from this process, not the server's). */
export async function measureThroughput(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections = 50,
): Promise<Throughput> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSecond: rounded(result.requests.average, 0),
    latencyP50Ms: rounded(result.latency.p50, 1),
    latencyP99Ms: rounded(result.latency.p99, 1),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
