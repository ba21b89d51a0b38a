import { renderRichLongRunningOperation } from "../../flavours/rich-long-running-operation.js";
import { createOperation } from "../create-operation.js";
import { newContentTypeId } from "../graph-ids.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";
import { bodyString } from "../../http/body-fields.js";
import { sendSynchronousFailure } from "../synchronous-answer.js";

function startCopy(context: RouteContext): void {
  const { state, exchange, groups, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const [site = "", list] = groups;
  const owner = `${state.graphOrigin}/${version}/sites/${site}${list === undefined ? "" : `/lists/${list}`}`;
  const requested = bodyString(body, "contentTypeId");
  const taken = requested !== undefined && state.store.get(`contentTypeCopy,${requested}`) !== undefined;
  const contentTypeId = requested === undefined || taken ? newContentTypeId() : requested;
  const details = {
    site,
    list: list ?? "",
    contentTypeId,
    resourceLocation: `${owner}/contentTypes/${contentTypeId}`,
  };
  const base = { kind: "richLongRunningOperation", action: "contentType.addCopyFromContentTypeHub" } as const;
  const id = `contentTypeCopy,${contentTypeId}`;
  if (scenario.immediate) {
    const operation = createOperation(state, { ...base, id, version, scenario, details, now: exchange.now });
    if (operation.timeline.outcome === "failed") return sendSynchronousFailure(exchange, scenario);
    return exchange.sendJson(200, {
      "@odata.context": `${state.graphOrigin}/${version}/$metadata#contentTypes/$entity`,
      id: contentTypeId,
      name: "Simulated content type",
      description: "A content type copied from the content type hub.",
      group: "Simulated",
      isBuiltIn: false,
      readOnly: false,
    });
  }
  const monitorUrl = (operationId: string): string => `${owner}/operations/${operationId}`;
  const operation = createOperation(state, {
    ...base,
    id,
    version,
    scenario,
    details,
    monitorUrl,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** Content type copies from the hub, to a site or a list: `richLongRunningOperation`. */
export const contentTypeCopyRoutes: Route[] = [
  {
    name: "contentType.addCopyFromContentTypeHub",
    method: "POST",
    pattern: /^\/sites\/([^/]+)(?:\/lists\/([^/]+))?\/contentTypes\/addCopyFromContentTypeHub$/,
    handle: startCopy,
  },
  monitorRoute({
    name: "monitor.richLongRunningOperation",
    pattern: /^\/sites\/([^/]+)(?:\/lists\/([^/]+))?\/operations\/([^/]+)$/,
    kinds: ["richLongRunningOperation"],
    render: renderRichLongRunningOperation,
    identify: ([site, list, id = ""]) => ({ id, details: { site, list: list ?? "" } }),
  }),
];
