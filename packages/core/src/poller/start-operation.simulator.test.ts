import { lastValueFrom, toArray } from "rxjs";
import { describe, expect, it } from "vitest";
import { MonitorAuthorizationError } from "../errors/monitor-authorization-error.js";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import type { OperationKind } from "../models/operation-kind.js";
import { startOperation } from "./start-operation.js";
import { useSimulator } from "./test-support/simulator.js";
import type { Transport } from "./transport.js";

const test = useSimulator();
const fast = { minInterval: 20, interval: 50, retryDelay: 20 };

const flavours: [OperationKind, string, Record<string, unknown>?][] = [
  ["richLongRunningOperation", "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub"],
  ["longRunningOperation", "/v1.0/me/authentication/methods/m1/resetPassword"],
  ["teamsAsyncOperation", "/v1.0/teams/t1/clone"],
  ["teamsAsyncOperation", "/beta/teams"],
  ["asyncJobStatus", "/v1.0/drives/d1/items/i1/copy"],
  ["onenoteOperation", "/v1.0/me/onenote/pages/p1/copyToSection"],
  ["operation", "/beta/me/onenote/notebooks/n1/copyNotebook"],
  ["attackSimulationOperation", "/beta/security/attackSimulation/simulations"],
  ["engagementAsyncOperation", "/v1.0/employeeExperience/communities"],
  [
    "dataPolicyOperation",
    "/v1.0/users/u1/exportPersonalData",
    { body: { storageLocation: "https://s.example/c" }, scenario: { retryAfterSeconds: 0.1 } },
  ],
  ["printerCreateOperation", "/v1.0/print/printers/create", { scenario: { retryAfterSeconds: 0.1 } }],
  [
    "workbookOperation",
    "/v1.0/me/drive/items/i1/workbook/createSession",
    { headers: { prefer: "respond-async" } },
  ],
  // 200 with the running operation in the body and its monitor in Location.
  ["commsOperation", "/v1.0/communications/calls/c1/playPrompt", { body: { clientContext: "c" } }],
  ["caseOperation", "/v1.0/security/cases/ediscoveryCases/c1/searches/s1/estimateStatistics"],
  ["placeOperation", "/beta/places", { method: "PATCH", body: { value: [{ id: "r1" }, { id: "r2" }] } }],
  ["connectionOperation", "/v1.0/external/connections/hr/schema", { method: "PATCH" }],
  [
    "delegatedAdminRelationshipOperation",
    "/v1.0/tenantRelationships/delegatedAdminRelationships/r1/accessAssignments/a1",
    { method: "PATCH" },
  ],
  ["teamworkDeviceOperation", "/beta/teamwork/devices/d1/restart"],
  ["approvalOperation", "/beta/solutions/approval/provision"],
  ["mailFolderOperation", "/beta/me/mailFolders/inbox/updateAllMessagesReadState"],
  // 200 with the job not started yet, and no monitor header: its entity's address is followed.
  [
    "configurationSnapshotJob",
    "/beta/admin/configurationManagement/configurationSnapshots/createSnapshot",
    { body: { displayName: "Baseline", resources: ["microsoft.exchange.transportrule"] } },
  ],
];

describe("startOperation against the simulator", () => {
  it.each(flavours)("follows a %s started by POST %s to succeeded", async (kind, path, extra = {}) => {
    const url = `${test.simulator.url}${path}`;
    const headers = {
      ...(extra["headers"] as Record<string, string>),
      ...test.scenario(extra["scenario"] ?? {}),
    };
    const method = (extra["method"] as string | undefined) ?? "POST";
    const request = { url, method, headers, body: extra["body"] ?? {} };
    const operations = await lastValueFrom(
      startOperation(request, { ...fast, transport: test.transport }).pipe(toArray()),
    );
    const final = operations.at(-1)!;
    expect(final).toMatchObject({ kind, status: "succeeded" });
    expect(operations.slice(0, -1).every((operation) => operation.status !== "succeeded")).toBe(true);
    const [record] = test.simulator.operations();
    expect(record?.polls).toBeGreaterThan(0);
    expect(Date.now()).toBeGreaterThanOrEqual(record!.terminalAt);
  });

  it.each([
    ["caseOperation", "/v1.0/security/cases/ediscoveryCases/c1/searches/s1/estimateStatistics", "POST", {}],
    [
      "placeOperation",
      "/beta/places",
      "PATCH",
      { value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ id: `r${n}` })) },
    ],
  ] as const)("reads a %s's progress on the way", async (kind, path, method, body) => {
    const headers = test.scenario({ durationMs: 600, monitorRetryAfterSeconds: 0.1 });
    const operations = await lastValueFrom(
      startOperation(
        { url: `${test.simulator.url}${path}`, method, headers, body },
        { ...fast, adaptive: false, transport: test.transport },
      ).pipe(toArray()),
    );
    const percents = operations.map((operation) => operation.percentComplete);
    expect(operations.every((operation) => operation.kind === kind)).toBe(true);
    expect(percents.some((percent) => percent !== undefined && percent > 0 && percent < 100)).toBe(true);
    expect(percents.at(-1)).toBe(100);
    const defined = percents.filter((percent): percent is number => percent !== undefined);
    expect(defined).toStrictEqual([...defined].sort((a, b) => a - b));
  });

  it("ends with OperationFailedError carrying the flavour's error when the operation fails", async () => {
    const url = `${test.simulator.url}/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub`;
    const error = { code: "contentTypeCopyFailed", message: "The hub is unavailable" };
    const headers = test.scenario({ outcome: "failed", error });
    const result = lastValueFrom(startOperation({ url, headers }, { ...fast, transport: test.transport }));
    await expect(result).rejects.toSatisfy(
      (reason) => OperationFailedError.isInstance(reason) && reason.error?.code === error.code,
    );
  });

  it("reads an immediate 200/201 as finished now, without polling", async () => {
    const url = `${test.simulator.url}/v1.0/me/drive/items/i1/workbook/createSession`;
    const final = await lastValueFrom(
      startOperation({ url, body: { persistChanges: true } }, { transport: test.transport }),
    );
    expect(final).toMatchObject({ status: "succeeded", raw: { persistChanges: true } });
    expect(test.simulator.operations()[0]?.polls).toBe(0);
  });

  it("honours the 202's Retry-After before the first poll", async () => {
    const url = `${test.simulator.url}/v1.0/print/printers/create`;
    const headers = test.scenario({ retryAfterSeconds: 0.4, durationMs: 200 });
    const sentAt = Date.now();
    await lastValueFrom(startOperation({ url, headers, body: {} }, { ...fast, transport: test.transport }));
    const [record] = test.simulator.operations();
    expect(record!.pollTimes[0]! - sentAt).toBeGreaterThanOrEqual(400);
  });

  it("sends no Authorization to a monitor on another origin, but does to the request's own", async () => {
    const sent: { url: string; authorization: string | undefined }[] = [];
    const transport: Transport = {
      request: (request) => {
        sent.push({ url: request.url.href, authorization: request.headers["authorization"] });
        return test.transport.request(request);
      },
      close: async () => {},
    };
    const authorization = { Authorization: "Bearer graph-token" };
    const copy = `${test.simulator.url}/v1.0/drives/d1/items/i1/copy`;
    await lastValueFrom(startOperation({ url: copy, headers: authorization }, { ...fast, transport }));
    const clone = `${test.simulator.url}/v1.0/teams/t1/clone`;
    await lastValueFrom(startOperation(clone, { ...fast, headers: authorization, transport }));
    const [copyRecord] = test.simulator.operations();
    expect(copyRecord?.monitorUrl?.startsWith(test.simulator.monitorUrl)).toBe(true);
    expect(copyRecord?.authorizationSeen).toBe(false);
    const foreign = sent.filter((request) => request.url.startsWith(test.simulator.monitorUrl));
    const own = sent.filter((request) => request.url.startsWith(test.simulator.url));
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((request) => request.authorization === undefined)).toBe(true);
    expect(own.length).toBeGreaterThan(2);
    expect(own.every((request) => request.authorization === "Bearer graph-token")).toBe(true);
  });

  it("sends the Authorization to a foreign monitor whose origin is trusted, asking for it per request", async () => {
    const copy = `${test.simulator.url}/v1.0/drives/d1/items/i1/copy`;
    let asked = 0;
    const getAuthorization = async () => `Bearer token-${++asked}`;
    const options = {
      ...fast,
      getAuthorization,
      trustedOrigins: [test.simulator.monitorUrl],
      transport: test.transport,
    };
    await lastValueFrom(startOperation(copy, options));
    const [record] = test.simulator.operations();
    expect(record?.authorizationSeen).toBe(true);
    expect(asked).toBe(1 + record!.polls);
  });

  it("maps monitor faults to typed errors: 404 and 401", async () => {
    const url = `${test.simulator.url}/v1.0/teams/t1/clone`;
    const notFound = startOperation(
      { url, headers: test.scenario({ monitorError: { status: 404 } }) },
      { transport: test.transport },
    );
    await expect(lastValueFrom(notFound)).rejects.toSatisfy(OperationNotFoundError.isInstance);
    const refused = startOperation(
      { url, headers: test.scenario({ monitorError: { status: 401 } }) },
      { transport: test.transport },
    );
    await expect(lastValueFrom(refused)).rejects.toSatisfy(MonitorAuthorizationError.isInstance);
  });
});
