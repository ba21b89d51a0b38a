import { describe, expect, it } from "vitest";
import { kindOfMonitorUrl } from "./kind-of-monitor-url.js";
import { documentedAddresses } from "./test-support/documented-monitors.js";

describe("kindOfMonitorUrl", () => {
  it.each(documentedAddresses)("reads %s as %s", (url, kind) => {
    expect(kindOfMonitorUrl(url)).toBe(kind);
    if (URL.canParse(url)) expect(kindOfMonitorUrl(new URL(url))).toBe(kind);
  });

  it.each([
    // A longer path that merely contains a known segment says nothing, or its own kind.
    [
      "https://graph.microsoft.com/v1.0/admin/teams/telephoneNumberManagement/operations('0e9a')",
      "longRunningOperation",
    ],
    ["https://graph.microsoft.com/v1.0/groups/g1/teams/t1/operations/o1", undefined],
    ["https://graph.microsoft.com/v1.0/teams/t1/channels/c1/operations/o1", undefined],
    ["https://graph.microsoft.com/v1.0/teams/t1/operations/o1/extra", undefined],
    ["https://graph.microsoft.com/v1.0/me/print/operations/o1", undefined],
    ["https://graph.microsoft.com/v1.0/sites/s1/lists/l1/items/i1/operations/o1", undefined],
    ["https://graph.microsoft.com/v1.0/users/u1/mailFolders/inbox/childFolders/c/operations/o", undefined],
    [
      "https://graph.microsoft.com/v1.0/security/cases/ediscoveryCases/c1/searches/s1/operations/o1",
      undefined,
    ],
    ["https://graph.microsoft.com/v1.0/communications/calls/c1/participants/p1/operations/o1", undefined],
    ["https://example.com/backup/_api/v2.0/monitor/x/y", undefined],
  ] as const)("reads %s as %s", (url, kind) => {
    expect(kindOfMonitorUrl(url)).toBe(kind);
  });

  it("says nothing of a path it does not know, or of text that is not an address", () => {
    expect(kindOfMonitorUrl("https://graph.microsoft.com/v1.0/me/drive")).toBeUndefined();
    expect(kindOfMonitorUrl("https://graph.microsoft.com/v1.0/operations/abc%zz")).toBeUndefined();
    expect(kindOfMonitorUrl("not a url")).toBeUndefined();
  });

  it("does not read an operations segment in the query as the path", () => {
    expect(kindOfMonitorUrl("https://example.com/other?next=/print/operations/1")).toBeUndefined();
  });
});
