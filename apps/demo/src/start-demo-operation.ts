import { entityMonitorAddress, isTerminal, resolveMonitorUrl, safeParseOperation } from "@lro/core";
import { scenarioHeader } from "@lro/simulator";
import type { DemoOperation } from "./demo-operations.js";

/** The monitor of a 200 whose body is an operation under way (Location, else the entity's own address). */
function monitorOfRunningBody(body: unknown, location: string | null): string | undefined {
  const read = safeParseOperation(body);
  if (!read.success || isTerminal(read.data)) return undefined;
  return location ?? entityMonitorAddress(read.data);
}

/**
 * Starts one demo operation by calling `origin` (the simulator itself, or the proxy in front of it) and
 * returns the answer's monitor address, resolved as @lro/core resolves it: the one a 202 names, or the one
 * of an operation a 200 answered under way (a call's media action, a configuration snapshot), resolved
 * against `upstream`, the origin that serves it.
 */
export async function startDemoOperation(
  origin: string,
  operation: DemoOperation,
  headers: Record<string, string> = {},
  upstream: string = origin,
): Promise<{ status: number; monitorUrl?: string; body: unknown }> {
  const url = new URL(operation.path, origin);
  const response = await fetch(url, {
    method: operation.method ?? "POST",
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
  if (response.status === 200) {
    const monitor = monitorOfRunningBody(body, location);
    if (monitor === undefined) return { status: response.status, body };
    return {
      status: response.status,
      monitorUrl: resolveMonitorUrl(monitor, new URL(operation.path, upstream)).href,
      body,
    };
  }
  if (response.status !== 202 || location === null) return { status: response.status, body };
  return { status: response.status, monitorUrl: resolveMonitorUrl(location, url).href, body };
}
