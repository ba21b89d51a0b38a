import { renderDelegatedAdminRelationshipOperation } from "../../flavours/delegated-admin-relationship-operation.js";
import { acceptedAction } from "../accepted-action.js";
import { monitorRoute } from "../monitor-route.js";
import type { Route } from "../route.js";

/** Updating a delegated admin access assignment: `delegatedAdminRelationshipOperation`. */
export const delegatedAdminAccessRoutes: Route[] = [
  acceptedAction({
    name: "delegatedAdminAccessAssignment.update",
    method: "PATCH",
    pattern: /^\/tenantRelationships\/delegatedAdminRelationships\/([^/]+)\/accessAssignments\/([^/]+)$/,
    kind: "delegatedAdminRelationshipOperation",
    details: ([relationshipId = "", accessAssignmentId = ""]) => ({ relationshipId, accessAssignmentId }),
    monitor: ([relationshipId = ""], id, base) =>
      `${base}/tenantRelationships/delegatedAdminRelationships/${relationshipId}/operations/${id}`,
  }),
  monitorRoute({
    name: "monitor.delegatedAdminRelationshipOperation",
    pattern: /^\/tenantRelationships\/delegatedAdminRelationships\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["delegatedAdminRelationshipOperation"],
    render: renderDelegatedAdminRelationshipOperation,
    identify: ([relationshipId, id = ""]) => ({ id, details: { relationshipId } }),
  }),
];
