import { resolveMonitorUrl } from "@lro/core";
import type { ScenarioOptions } from "@lro/simulator";
import { scenarioHeader } from "@lro/simulator";

/**
 * Starts one operation on the simulator at `origin` (`POST path` with the scenario header) and returns the
 * answer's monitor address, resolved as @lro/core resolves it.
 */
export async function startSimulatorOperation(
  origin: string,
  operation: { path: string; scenario: ScenarioOptions; body?: Record<string, unknown> },
): Promise<{ status: number; monitorUrl?: string; body: unknown }> {
  const url = new URL(operation.path, origin);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [scenarioHeader]: JSON.stringify(operation.scenario) },
    body: JSON.stringify(operation.body ?? {}),
  });
  const text = await response.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  const location = response.headers.get("operation-location") ?? response.headers.get("location");
  if (response.status !== 202 || location === null) return { status: response.status, body };
  return { status: response.status, monitorUrl: resolveMonitorUrl(location, url).href, body };
}
