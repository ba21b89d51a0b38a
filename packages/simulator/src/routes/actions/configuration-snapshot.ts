import { randomUUID } from "node:crypto";
import { renderConfigurationSnapshotJob } from "../../flavours/configuration-snapshot-job.js";
import { bodyString, isObject } from "../../http/body-fields.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendOperationBody } from "../send-operation-body.js";

function resourcesOf(body: unknown): string[] {
  const resources = isObject(body) ? body["resources"] : undefined;
  const names = Array.isArray(resources) ? resources.filter((name) => typeof name === "string") : [];
  return names.length > 0 ? names : ["microsoft.exchange.transportrule"];
}

/**
 * `createSnapshot` answers as Graph documents it: 200 OK with the new `configurationSnapshotJob` in the
 * body (not started yet); its address is `/admin/configurationManagement/configurationSnapshotJobs/{id}`.
 */
function startSnapshot(context: RouteContext): void {
  const { state, exchange, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const base = `${state.graphOrigin}/${version}/admin/configurationManagement`;
  const id = randomUUID();
  const operation = createOperation(state, {
    id,
    kind: "configurationSnapshotJob",
    action: "configurationBaseline.createSnapshot",
    version,
    scenario,
    details: {
      displayName: bodyString(body, "displayName") ?? "Simulated snapshot",
      description: bodyString(body, "description") ?? "",
      resources: resourcesOf(body).join(","),
      resourceLocation: `${base}/configurationSnapshots/${id}`,
    },
    monitorUrl: (id) => `${base}/configurationSnapshotJobs/${id}`,
    now: exchange.now,
  });
  sendOperationBody(state, exchange, operation, renderConfigurationSnapshotJob);
}

/** Tenant configuration snapshots: `configurationSnapshotJob`. */
export const configurationSnapshotRoutes: Route[] = [
  {
    name: "configurationBaseline.createSnapshot",
    method: "POST",
    pattern: /^\/admin\/configurationManagement\/configurationSnapshots\/createSnapshot$/,
    handle: startSnapshot,
  },
  monitorRoute({
    name: "monitor.configurationSnapshotJob",
    pattern: /^\/admin\/configurationManagement\/configurationSnapshotJobs\/([^/]+)$/,
    kinds: ["configurationSnapshotJob"],
    render: renderConfigurationSnapshotJob,
    identify: ([id = ""]) => ({ id }),
  }),
];
