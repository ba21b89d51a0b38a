import { describe, expect, it } from "vitest";
import { kindOfMonitorUrl } from "./kind-of-monitor-url.js";

describe("kindOfMonitorUrl", () => {
  it.each([
    [
      "https://contoso.sharepoint.com/_api/v2.0/monitor/4A3407B5-88FC-4504-8B21-0AABD3412717",
      "asyncJobStatus",
    ],
    ["https://graph.microsoft.com/v1.0/teams('dbd8de4f')/operations('3a6fdce1')", "teamsAsyncOperation"],
    [
      "https://graph.microsoft.com/v1.0/teams(%27dbd8de4f%27)/operations(%273a6fdce1%27)",
      "teamsAsyncOperation",
    ],
    ["https://graph.microsoft.com/v1.0/teams/dbd8de4f/operations/3a6fdce1", "teamsAsyncOperation"],
    ["https://graph.microsoft.com/v1.0/print/operations/f221760a", "printerCreateOperation"],
    ["https://graph.microsoft.com/v1.0/dataPolicyOperations/d007e3da", "dataPolicyOperation"],
    [
      "https://graph.microsoft.com/v1.0/employeeExperience/engagementAsyncOperations('3a6fdce1')",
      "engagementAsyncOperation",
    ],
    ["https://graph.microsoft.com/v1.0/me/onenote/operations/abc", "onenoteOperation"],
    ["https://graph.microsoft.com/v1.0/me/drive/items/1/workbook/operations/abc", "workbookOperation"],
    [
      "https://graph.microsoft.com/beta/security/attackSimulation/operations/abc",
      "attackSimulationOperation",
    ],
    [
      "https://graph.microsoft.com/v1.0/sites/root/lists/Documents/operations/contentTypeCopy,0x0101",
      "richLongRunningOperation",
    ],
    [
      "https://graph.microsoft.com/v1.0/users/u1/authentication/operations/o1?aadgdc=DUB02P&aadgsu=ssprprod-a",
      "longRunningOperation",
    ],
  ] as const)("reads %s as %s", (url, kind) => {
    expect(kindOfMonitorUrl(url)).toBe(kind);
    expect(kindOfMonitorUrl(new URL(url))).toBe(kind);
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
