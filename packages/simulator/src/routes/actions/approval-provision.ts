import { renderApprovalOperation } from "../../flavours/approval-operation.js";
import { acceptedAction } from "../accepted-action.js";
import { monitorRoute } from "../monitor-route.js";
import type { Route } from "../route.js";

/** Provisioning the approvals solution (beta): `approvalOperation`. */
export const approvalProvisionRoutes: Route[] = [
  acceptedAction({
    name: "approvalSolution.provision",
    method: "POST",
    pattern: /^\/solutions\/approval\/provision$/,
    kind: "approvalOperation",
    betaOnly: true,
    details: (_groups, base) => ({ resourceLocation: `${base}/solutions/approval` }),
    monitor: (_groups, id, base) => `${base}/solutions/approval/operations/${id}`,
  }),
  monitorRoute({
    name: "monitor.approvalOperation",
    pattern: /^\/solutions\/approval\/operations\/([^/]+)$/,
    kinds: ["approvalOperation"],
    render: renderApprovalOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
