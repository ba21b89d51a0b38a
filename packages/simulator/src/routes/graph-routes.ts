import { approvalProvisionRoutes } from "./actions/approval-provision.js";
import { attackSimulationRoutes } from "./actions/attack-simulation.js";
import { connectionSchemaRoutes } from "./actions/connection-schema.js";
import { delegatedAdminAccessRoutes } from "./actions/delegated-admin-access.js";
import { mailFolderReadStateRoutes } from "./actions/mail-folder-read-state.js";
import { teamworkDeviceRestartRoutes } from "./actions/teamwork-device-restart.js";
import { callMediaRoutes } from "./actions/call-media.js";
import { configurationSnapshotRoutes } from "./actions/configuration-snapshot.js";
import { ediscoveryEstimateRoutes } from "./actions/ediscovery-estimate.js";
import { placesBulkUpdateRoutes } from "./actions/places-bulk-update.js";
import { communitiesRoutes } from "./actions/communities.js";
import { contentTypeCopyRoutes } from "./actions/content-type-copy.js";
import { driveItemCopyRoutes } from "./actions/drive-item-copy.js";
import { exportPersonalDataRoutes } from "./actions/export-personal-data.js";
import { onenoteCopyRoutes } from "./actions/onenote-copy.js";
import { printerCreateRoutes } from "./actions/printer-create.js";
import { resetPasswordRoutes } from "./actions/reset-password.js";
import { teamsRoutes } from "./actions/teams.js";
import { workbookSessionRoutes } from "./actions/workbook-session.js";
import type { Route } from "./route.js";

/** Every path the Graph-like origin serves under /v1.0 and /beta. */
export const graphRoutes: readonly Route[] = [
  ...contentTypeCopyRoutes,
  ...teamsRoutes,
  ...driveItemCopyRoutes,
  ...onenoteCopyRoutes,
  ...printerCreateRoutes,
  ...exportPersonalDataRoutes,
  ...resetPasswordRoutes,
  ...communitiesRoutes,
  ...attackSimulationRoutes,
  ...workbookSessionRoutes,
  ...callMediaRoutes,
  ...ediscoveryEstimateRoutes,
  ...placesBulkUpdateRoutes,
  ...configurationSnapshotRoutes,
  ...connectionSchemaRoutes,
  ...delegatedAdminAccessRoutes,
  ...teamworkDeviceRestartRoutes,
  ...approvalProvisionRoutes,
  ...mailFolderReadStateRoutes,
];
