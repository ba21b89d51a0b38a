import { renderMailFolderOperation } from "../../flavours/mail-folder-operation.js";
import { acceptedAction } from "../accepted-action.js";
import { monitorRoute } from "../monitor-route.js";
import type { Route } from "../route.js";

const mailbox = "(me|users/[^/]+)";

/** Marking a mail folder's messages read or unread (beta): `mailFolderOperation`. */
export const mailFolderReadStateRoutes: Route[] = [
  acceptedAction({
    name: "mailFolder.updateAllMessagesReadState",
    method: "POST",
    pattern: new RegExp(`^/${mailbox}/mailFolders/([^/]+)/updateAllMessagesReadState$`),
    kind: "mailFolderOperation",
    betaOnly: true,
    details: ([owner = "", folderId = ""], base) => ({
      owner,
      folderId,
      resourceLocation: `${base}/${owner}/mailFolders/${folderId}`,
    }),
    monitor: ([owner = "", folderId = ""], id, base) =>
      `${base}/${owner}/mailFolders/${folderId}/operations/${id}`,
  }),
  monitorRoute({
    name: "monitor.mailFolderOperation",
    pattern: new RegExp(`^/${mailbox}/mailFolders/([^/]+)/operations/([^/]+)$`),
    kinds: ["mailFolderOperation"],
    render: renderMailFolderOperation,
    identify: ([owner, folderId, id = ""]) => ({ id, details: { owner, folderId } }),
  }),
];
