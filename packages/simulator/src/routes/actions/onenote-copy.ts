import { randomUUID } from "node:crypto";
import type { RenderMonitor } from "../../flavours/monitor-answer.js";
import { renderOlderOperation } from "../../flavours/older-operation.js";
import { renderOnenoteOperation } from "../../flavours/onenote-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import { group, ownerPattern, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

/** Which copy actions each OneNote collection offers. */
const copyActions: Readonly<Record<string, readonly string[]>> = {
  pages: ["copyToSection"],
  sections: ["copyToNotebook", "copyToSectionGroup"],
  notebooks: ["copyNotebook"],
};

/** 202 with `Operation-Location` to `/{owner}/onenote/operations/{id}`. */
function startCopy(context: RouteContext): void {
  const { state, exchange, groups, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const owner = group(groups, 0);
  const collection = group(groups, 1);
  const action = group(groups, 3);
  if (!copyActions[collection]?.includes(action)) {
    const allowed = copyActions[collection]?.join(", ") ?? "none";
    return exchange.sendError(
      400,
      "invalidRequest",
      `OneNote ${collection} offer ${allowed}, not ${action}.`,
    );
  }
  const resourceId = `1-${randomUUID().replaceAll("-", "")}`;
  const base = `${state.graphOrigin}/${version}`;
  const operation = createOperation(state, {
    kind: action === "copyNotebook" ? "operation" : "onenoteOperation",
    action: `onenote.${action}`,
    id: `copy-${randomUUID()}`,
    version,
    scenario,
    details: {
      owner,
      contextBase: base,
      resourceId,
      resourceLocation: `${base}/${owner}/onenote/${collection}/${resourceId}`,
    },
    monitorUrl: (id) => `${base}/${owner}/onenote/operations/${id}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "operation-location", location: operation.monitorUrl ?? "" });
}

const renderEither: RenderMonitor = (operation, snapshot, context) =>
  operation.kind === "operation"
    ? renderOlderOperation(operation, snapshot, context)
    : renderOnenoteOperation(operation, snapshot, context);

/**
 * OneNote copies answer `onenoteOperation` (percentComplete as a string); a notebook copy answers the older
 * base `operation` shape (status `completed`, no percentage, no error).
 */
export const onenoteCopyRoutes: Route[] = [
  {
    name: "onenote.copy",
    method: "POST",
    pattern: new RegExp(
      `^/(${ownerPattern})/onenote/(pages|sections|notebooks)/([^/]+)/(copyToSection|copyToNotebook|copyToSectionGroup|copyNotebook)$`,
    ),
    handle: startCopy,
  },
  monitorRoute({
    name: "monitor.onenoteOperation",
    pattern: new RegExp(`^/(${ownerPattern})/onenote/operations/([^/]+)$`),
    kinds: ["onenoteOperation", "operation"],
    render: renderEither,
    identify: ([owner, id = ""]) => ({ id, details: { owner } }),
  }),
];
