import { randomBytes, randomUUID } from "node:crypto";

const base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A drive item id in OneDrive's shape: "01" and 32 base32 characters. */
export function newDriveItemId(): string {
  const bytes = randomBytes(32);
  let id = "01";
  for (const byte of bytes) id += base32[byte % 32];
  return id;
}

/** A SharePoint content type id: the Document parent "0x0101", "00" and a GUID in hex. */
export function newContentTypeId(): string {
  return `0x010100${randomUUID().replaceAll("-", "").toUpperCase()}`;
}

export const simulatedTenantId = "5b3ea0e2-5fed-45ab-a8b8-7f7cd97189d6";
