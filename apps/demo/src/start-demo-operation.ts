import { resolveMonitorUrl } from "@lro/core";
import { scenarioHeader } from "@lro/simulator";
import type { DemoOperation } from "./demo-operations.js";

/**
 * Starts one demo operation by calling `origin` (the simulator itself, or the proxy in front of it) and
 * returns the answer's monitor address, resolved as @lro/core resolves it.
 */
export async function startDemoOperation(
  origin: string,
  operation: DemoOperation,
  headers: Record<string, string> = {},
): Promise<{ status: number; monitorUrl?: string; body: unknown }> {
  const url = new URL(operation.path, origin);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      [scenarioHeader]: JSON.stringify(operation.scenario),
    },
    body: JSON.stringify(operation.body ?? {}),
  });
  const text = await response.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  const location = response.headers.get("operation-location") ?? response.headers.get("location");
  if (response.status !== 202 || location === null) return { status: response.status, body };
  return { status: response.status, monitorUrl: resolveMonitorUrl(location, url).href, body };
}
