import { renderConnectionOperation } from "../../flavours/connection-operation.js";
import { acceptedAction } from "../accepted-action.js";
import { monitorRoute } from "../monitor-route.js";
import type { Route } from "../route.js";

/** Registering a Copilot connector's schema: `externalConnectors.connectionOperation`. */
export const connectionSchemaRoutes: Route[] = [
  acceptedAction({
    name: "externalConnection.schema",
    method: "PATCH",
    pattern: /^\/external\/connections\/([^/]+)\/schema$/,
    kind: "connectionOperation",
    details: ([connectionId = ""]) => ({ connectionId }),
    monitor: ([connectionId = ""], id, base) =>
      `${base}/external/connections/${connectionId}/operations/${id}`,
  }),
  monitorRoute({
    name: "monitor.connectionOperation",
    pattern: /^\/external\/connections\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["connectionOperation"],
    render: renderConnectionOperation,
    identify: ([connectionId, id = ""]) => ({ id, details: { connectionId } }),
  }),
];
