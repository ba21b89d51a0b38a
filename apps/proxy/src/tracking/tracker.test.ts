import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { kindOfMonitorUrl } from "@lro/core";
import { trackingOf } from "../wire/wire-tracking.js";
import { statusNotes } from "./status-notes.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { alice, bob, ended, reaches, startHarness, type Harness } from "./test-support/tracking-harness.js";

// Real servers and real polls: generous under a loaded machine; each test still ends within about a second.
vi.setConfig({ testTimeout: 20_000 });

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

describe("tracker: following operations to their end", () => {
  it.each([
    ["/v1.0/sites/s1/contentTypes/addCopyFromContentTypeHub", "richLongRunningOperation", "succeeded"],
    ["/v1.0/teams/t1/clone", "teamsAsyncOperation", "succeeded"],
    ["/v1.0/drives/d1/items/i1/copy", "asyncJobStatus", "completed"],
    ["/v1.0/me/onenote/pages/p1/copyToSection", "onenoteOperation", "completed"],
    ["/beta/me/onenote/notebooks/n1/copyNotebook", "operation", "completed"],
    ["/v1.0/print/printers/create", "printerCreateOperation", "succeeded"],
    ["/v1.0/users/u1/exportPersonalData", "dataPolicyOperation", "complete"],
    ["/v1.0/me/authentication/methods/m1/resetPassword", "longRunningOperation", "succeeded"],
    ["/v1.0/employeeExperience/communities", "engagementAsyncOperation", "succeeded"],
    ["/v1.0/security/attackSimulation/simulations", "attackSimulationOperation", "succeeded"],
    ["/v1.0/me/drive/items/i1/workbook/createSession", "workbookOperation", "succeeded"],
  ])("follows %s (%s) until it succeeds", async (path, kind, upstreamStatus) => {
    const { monitorUrl, requestUrl } = await harness.startUpstream(path, {
      durationMs: 150,
      retryAfterSeconds: 0,
      copyCompletion: "body",
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    // Before its first answer, the operation names the flavour its monitor's path stands for.
    const likelyKind = kindOfMonitorUrl(new URL(monitorUrl)) ?? "longRunningOperation";
    expect(record).toMatchObject({ kind: likelyKind, operation: { status: "notStarted" } });
    const final = await ended(harness, alice.owner, record.id);
    expect(final).toMatchObject({ kind, operation: { status: "succeeded", rawStatus: upstreamStatus } });
    expect(final.terminalAt).toBeDefined();
    expect(final.expiresAt).toBe((final.terminalAt ?? 0) + 3_600_000);
    expect(final.schedule.dueAt).toBeUndefined();
    expect(await harness.store.countActive(alice.owner)).toBe(0);
  });

  it("follows a driveItem copy to its 303 See Other", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/drives/d1/items/i1/copy", {
      durationMs: 100,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.status).toBe("succeeded");
    expect(final.operation.resourceLocation).toMatch(/\/v1\.0\/drives\/d1\/items\//);
  });

  it("reports a failed operation with the upstream's error", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/archive", {
      durationMs: 100,
      outcome: "failed",
      error: { code: "Conflict", message: "already archived" },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation).toMatchObject({
      status: "failed",
      error: { code: "Conflict", message: "already archived" },
    });
  });

  it("versions every visible change, each with a higher version", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream(
      "/v1.0/sites/s1/contentTypes/addCopyFromContentTypeHub",
      {
        durationMs: 300,
      },
    );
    const versions: number[] = [];
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const unsubscribe = harness.tracker.changes.subscribe(
      alice.owner,
      (change) => versions.push(change.version),
      record.id,
    );
    await ended(harness, alice.owner, record.id);
    unsubscribe();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe("tracker: faults upstream", () => {
  it("waits out throttling (429 with Retry-After) and still ends", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 100,
      throttle: { status: 429, count: 3, retryAfterSeconds: 0.05 },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.status).toBe("succeeded");
    const upstream = harness.simulator.operations().at(-1);
    expect(upstream?.polls).toBeGreaterThanOrEqual(4);
    const gaps = (upstream?.pollTimes ?? [])
      .slice(1, 4)
      .map((time, index) => time - (upstream?.pollTimes[index] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
  });

  it("retries malformed answers, 503s and dropped connections, and ends", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/print/printers/create", {
      durationMs: 150,
      retryAfterSeconds: 0,
      malformed: { from: 1, count: 1 },
      drop: { from: 2, count: 1 },
      throttle: { status: 503, from: 3, count: 1 },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.status).toBe("succeeded");
    expect(final.schedule.consecutiveFailures).toBe(0);
  });

  it("shows an unreachable monitor while the outage lasts, then the upstream's end", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 100,
      monitorError: { status: 500, from: 2, count: 12 },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const down = await reaches(
      harness,
      alice.owner,
      record.id,
      (row) => trackingOf(row)?.state === "unreachable",
    );
    expect(down.operation.status).not.toBe("failed");
    expect(trackingOf(down)).toMatchObject({ lastError: { code: expect.any(String), httpStatus: 500 } });
    // Twelve 500s in a row: more than the old budget of 6, yet the operation is followed to its true end.
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.status).toBe("succeeded");
    expect(trackingOf(final)).toBeUndefined();
    expect(harness.simulator.operations().at(-1)?.polls).toBeGreaterThanOrEqual(14);
  });

  it("stops following at the operation's deadline and says so, keeping the monitor's last status", async () => {
    await harness.close();
    harness = await startHarness({ tracker: { deadlineMs: 600 } });
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 60_000,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const stopped = await reaches(harness, alice.owner, record.id, (row) => row.terminalAt !== undefined);
    expect(stopped.operation.status).toBe("running");
    expect(stopped.operation.error).toBeUndefined();
    expect(stopped.statusNote).toBe(statusNotes.deadlineExceeded);
    expect(trackingOf(stopped)).toMatchObject({ state: "stopped", reason: "deadlineExceeded" });
    const polls = harness.simulator.operations().at(-1)?.polls ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.simulator.operations().at(-1)?.polls).toBe(polls);
  });

  it("ends an operation whose monitor is gone (404) as failed", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      monitorError: { status: 404 },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.error?.code).toBe("operationNotFound");
  });
});

describe("tracker: tokens", () => {
  it("sends the caller's token to a monitor on the request's origin only", async () => {
    const seen: (string | undefined)[] = [];
    const graphLike = createServer((request, response) => {
      seen.push(request.headers.authorization);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ id: "op", status: "succeeded", percentageComplete: 100 }));
    });
    await new Promise<void>((resolve) => graphLike.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(graphLike.address() as AddressInfo).port}`;
    const copy = await harness.startUpstream("/v1.0/drives/d1/items/i1/copy", { durationMs: 50 });
    const authorization = "Bearer graph-token";
    const onGraph = await harness.tracker.adopt({
      owner: alice.owner,
      authorization,
      requestUrl: `${origin}/v1.0/sites/s1/lists/l1/contentTypes/addCopyFromContentTypeHub`,
      monitorUrl: `${origin}/v1.0/sites/s1/lists/l1/operations/op`,
    });
    const onSharePoint = await harness.tracker.adopt({ owner: alice.owner, authorization, ...copy });
    expect(onGraph.tokenOrigin).toBe(origin);
    expect(onSharePoint.tokenOrigin).toBeUndefined();
    await ended(harness, alice.owner, onGraph.id);
    await ended(harness, alice.owner, onSharePoint.id);
    graphLike.close();
    expect(seen).toEqual([authorization]);
    expect(harness.simulator.operations()[0]?.authorizationSeen).toBe(false);
  });

  it("after a restart, waits for the owner's next request to bring a token, then resumes", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 400,
    });
    const record = await harness.tracker.adopt({
      owner: alice.owner,
      monitorUrl,
      requestUrl,
      authorization: "Bearer a",
    });
    await harness.restart();
    const waiting = await reaches(
      harness,
      alice.owner,
      record.id,
      (current) => current.awaitingAuthorization,
    );
    expect(waiting).toMatchObject({
      awaitingAuthorization: true,
      statusNote: statusNotes.awaitingToken,
    });
    expect(await harness.store.nextDueAt()).toBeUndefined();

    await harness.tracker.provideAuthorization(bob.owner, "Bearer b", harness.simulator.url);
    await harness.tracker.provideAuthorization(alice.owner, "Bearer a", "https://elsewhere.example.com");
    expect((await harness.store.get(alice.owner, record.id))?.awaitingAuthorization).toBe(true);

    await harness.tracker.provideAuthorization(alice.owner, "Bearer a2", harness.simulator.url);
    const final = await ended(harness, alice.owner, record.id);
    expect(final).toMatchObject({ operation: { status: "succeeded" }, awaitingAuthorization: false });
    expect(final.statusNote).toBeUndefined();
  });

  it("waits for a fresh token when the monitor refuses the one it has", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 100,
      monitorError: { status: 401, from: 1, count: 1 },
    });
    const record = await harness.tracker.adopt({
      owner: alice.owner,
      monitorUrl,
      requestUrl,
      authorization: "Bearer old",
    });
    const waiting = await reaches(
      harness,
      alice.owner,
      record.id,
      (current) => current.awaitingAuthorization,
    );
    expect(waiting.statusNote).toBe(statusNotes.tokenRefused);
    await harness.tracker.provideAuthorization(alice.owner, "Bearer new", harness.simulator.url);
    expect((await ended(harness, alice.owner, record.id)).operation.status).toBe("succeeded");
  });
});
