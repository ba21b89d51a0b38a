import { renderTeamworkDeviceOperation } from "../../flavours/teamwork-device-operation.js";
import { acceptedAction } from "../accepted-action.js";
import { monitorRoute } from "../monitor-route.js";
import type { Route } from "../route.js";

/** Restarting a Teams device (beta): `teamworkDeviceOperation`. */
export const teamworkDeviceRestartRoutes: Route[] = [
  acceptedAction({
    name: "teamworkDevice.restart",
    method: "POST",
    pattern: /^\/teamwork\/devices\/([^/]+)\/restart$/,
    kind: "teamworkDeviceOperation",
    betaOnly: true,
    details: ([deviceId = ""]) => ({ deviceId }),
    monitor: ([deviceId = ""], id, base) => `${base}/teamwork/devices/${deviceId}/operations/${id}`,
  }),
  monitorRoute({
    name: "monitor.teamworkDeviceOperation",
    pattern: /^\/teamwork\/devices\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["teamworkDeviceOperation"],
    render: renderTeamworkDeviceOperation,
    identify: ([deviceId, id = ""]) => ({ id, details: { deviceId } }),
  }),
];
