import { randomUUID } from "node:crypto";
import { renderTeamsAsyncOperation } from "../../flavours/teams-async-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import { group, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

const operationTypes = {
  clone: "cloneTeam",
  archive: "archiveTeam",
  unarchive: "unarchiveTeam",
  create: "createTeam",
};
type TeamAction = keyof typeof operationTypes;

/**
 * 202 with Graph's RELATIVE OData Location, `/teams('{teamId}')/operations('{id}')` (no version segment),
 * `Content-Type: text/plain` and an empty body. Clone and create name the new team, archive the same one.
 */
function startTeamOperation(context: RouteContext, action: TeamAction, teamId: string | undefined): void {
  const { state, exchange, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const targetTeamId =
    action === "clone" || action === "create" || teamId === undefined ? randomUUID() : teamId;
  const relative = (id: string): string => `/teams('${targetTeamId}')/operations('${id}')`;
  const operation = createOperation(state, {
    kind: "teamsAsyncOperation",
    action: `team.${action}`,
    version,
    scenario,
    details: { targetTeamId, operationType: operationTypes[action] },
    monitorUrl: (id) => `${state.graphOrigin}/${version}${relative(id)}`,
    now: exchange.now,
  });
  const headers = {
    "content-type": "text/plain",
    ...(action === "archive" || action === "unarchive"
      ? {}
      : { "content-location": `/teams('${targetTeamId}')` }),
  };
  sendAccepted(exchange, operation, { header: "location", location: relative(operation.id), headers });
}

/** Team clone, archive, unarchive and create: `teamsAsyncOperation`, monitors in OData key or slash form. */
export const teamsRoutes: Route[] = [
  {
    name: "team.create",
    method: "POST",
    pattern: /^\/teams$/,
    handle: (context) => startTeamOperation(context, "create", undefined),
  },
  {
    name: "team.action",
    method: "POST",
    pattern: /^\/teams\/([^/]+)\/(clone|archive|unarchive)$/,
    handle: (context) =>
      startTeamOperation(context, group(context.groups, 1) as TeamAction, group(context.groups, 0)),
  },
  monitorRoute({
    name: "monitor.teamsAsyncOperation",
    pattern: /^\/teams\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["teamsAsyncOperation"],
    render: renderTeamsAsyncOperation,
    identify: ([teamId, id = ""]) => ({ id, details: { targetTeamId: teamId } }),
  }),
];
