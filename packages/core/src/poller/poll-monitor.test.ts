import { describe, expect, it } from "vitest";
import { MonitorAuthorizationError } from "../errors/monitor-authorization-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import { OperationValidationError } from "../errors/operation-validation-error.js";
import { TransportError } from "../errors/transport-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import { pollMonitor } from "./poll-monitor.js";
import { jsonResponse, richOperation, scriptedTransport } from "./test-support/scripted-transport.js";

const graphMonitor = "https://graph.microsoft.com/v1.0/sites/root/operations/op-1";
const foreignMonitor = "https://contoso.sharepoint.com/_api/v2.0/monitor/4A34";
const requestUrl = "https://graph.microsoft.com/v1.0/drives/d/items/i/copy";
const now = () => Date.UTC(2026, 10, 22, 12, 0, 0);

describe("pollMonitor", () => {
  it("reads a 200 body as the operation, with the answer's status, Retry-After and time", async () => {
    const transport = scriptedTransport(() =>
      jsonResponse(richOperation("running"), 200, { "retry-after": "5" }),
    );
    const answer = await pollMonitor(graphMonitor, { transport, now });
    expect(answer).toEqual({
      operation: expect.objectContaining({ kind: "richLongRunningOperation", status: "running" }),
      httpStatus: 200,
      retryAfterMs: 5000,
      receivedAt: now(),
    });
    const { headers, method } = transport.requests[0]!.request;
    expect(method).toBe("GET");
    expect(headers).toMatchObject({ accept: "application/json", prefer: "include-unknown-enum-members" });
  });

  it("reads a 202 body the same way, and a 202 without a body as the previous snapshot", async () => {
    const running = await pollMonitor(foreignMonitor, {
      transport: scriptedTransport(() =>
        jsonResponse({ status: "inProgress", percentageComplete: 12.5 }, 202),
      ),
    });
    expect(running.operation).toMatchObject({
      kind: "asyncJobStatus",
      status: "running",
      percentComplete: 12.5,
    });
    const empty = scriptedTransport(() => ({ status: 202, headers: {}, body: "" }));
    const kept = await pollMonitor(foreignMonitor, { transport: empty, previous: running.operation });
    expect(kept.operation).toBe(running.operation);
    const first = await pollMonitor(foreignMonitor, { transport: empty });
    expect(first.operation).toMatchObject({ status: "running", raw: {} });
  });

  it("detects the flavour of a body after a bodiless 202", async () => {
    const empty = await pollMonitor(foreignMonitor, {
      transport: scriptedTransport(() => ({ status: 202, headers: {}, body: "" })),
    });
    const transport = scriptedTransport(() => jsonResponse({ status: "completed", resourceId: "01" }));
    const answer = await pollMonitor(foreignMonitor, { transport, previous: empty.operation });
    expect(answer.operation).toMatchObject({ kind: "asyncJobStatus", status: "succeeded" });
  });

  it("reads a monitor's later answers as the flavour of its earlier ones, unless they name their type", async () => {
    const monitor = "https://graph.microsoft.com/beta/external/connections/hr/operations/o1";
    const first = await pollMonitor(monitor, {
      transport: scriptedTransport(() => jsonResponse({ id: "o1", status: "inprogress" })),
    });
    expect(first.operation.kind).toBe("connectionOperation");
    // Alone, this answer has a workbook operation's shape.
    const failed = { id: "o1", status: "failed", error: { code: "schemaConflict", message: "taken" } };
    const last = await pollMonitor(monitor, {
      transport: scriptedTransport(() => jsonResponse(failed)),
      previous: first.operation,
    });
    expect(last.operation).toMatchObject({ kind: "connectionOperation", status: "failed" });
    const named = await pollMonitor(monitor, {
      transport: scriptedTransport(() =>
        jsonResponse({ ...failed, "@odata.type": "#microsoft.graph.externalConnectors.connectionOperation" }),
      ),
      previous: { ...first.operation, kind: "workbookOperation" },
    });
    expect(named.operation.kind).toBe("connectionOperation");
  });

  it("keeps the operation's type when a later answer leaves it out, with the answer's own raw body", async () => {
    const copying = await pollMonitor(foreignMonitor, {
      transport: scriptedTransport(() =>
        jsonResponse({ operation: "ItemCopy", status: "inProgress", percentageComplete: 27.8 }, 202),
      ),
    });
    expect(copying.operation.type).toBe("ItemCopy");
    const completedBody = { percentageComplete: 100.0, resourceId: "01MOWKYV", status: "completed" };
    const transport = scriptedTransport(() => jsonResponse(completedBody));
    const completed = await pollMonitor(foreignMonitor, { transport, previous: copying.operation });
    expect(completed.operation).toMatchObject({
      status: "succeeded",
      type: "ItemCopy",
      resourceId: "01MOWKYV",
    });
    expect(completed.operation.raw).toEqual(completedBody);
    const alone = await pollMonitor(foreignMonitor, { transport });
    expect(alone.operation.type).toBeUndefined();
  });

  it("reads 303 See Other as succeeded with the Location resolved against the monitor", async () => {
    const transport = scriptedTransport(() => ({
      status: 303,
      headers: { location: "/drives/d/items/new" },
      body: "",
    }));
    const answer = await pollMonitor(foreignMonitor, { transport });
    expect(answer.operation).toMatchObject({
      kind: "asyncJobStatus",
      status: "succeeded",
      rawStatus: "completed",
      resourceLocation: "https://contoso.sharepoint.com/drives/d/items/new",
    });
  });

  it("sends the Authorization to the request's origin only, unless the monitor's origin is trusted", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    const headers = { Authorization: "Bearer graph-token", "client-request-id": "c1" };
    await pollMonitor(graphMonitor, { transport, headers, requestUrl });
    await pollMonitor(foreignMonitor, { transport, headers, requestUrl });
    await pollMonitor(foreignMonitor, {
      transport,
      headers,
      requestUrl,
      trustedOrigins: ["https://contoso.sharepoint.com"],
    });
    const sent = transport.requests.map(({ request }) => request.headers["authorization"]);
    expect(sent).toEqual(["Bearer graph-token", undefined, "Bearer graph-token"]);
    expect(transport.requests[1]!.request.headers["client-request-id"]).toBe("c1");
  });

  it("asks getAuthorization on every request, and never for an origin that may not receive it", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    let asked = 0;
    const getAuthorization = () => `Bearer token-${++asked}`;
    await pollMonitor(graphMonitor, { transport, getAuthorization, requestUrl });
    await pollMonitor(graphMonitor, { transport, getAuthorization, requestUrl });
    await pollMonitor(foreignMonitor, { transport, getAuthorization, requestUrl });
    expect(asked).toBe(2);
    expect(transport.requests.map(({ request }) => request.headers["authorization"])).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      undefined,
    ]);
  });

  it("throws the typed error of each failure", async () => {
    const answer = (status: number, body = "", headers: Record<string, string> = {}) =>
      pollMonitor(graphMonitor, { transport: scriptedTransport(() => ({ status, headers, body })), now });
    await expect(answer(404)).rejects.toSatisfy(OperationNotFoundError.isInstance);
    await expect(answer(410)).rejects.toSatisfy(OperationNotFoundError.isInstance);
    await expect(answer(401)).rejects.toSatisfy(
      (error) => MonitorAuthorizationError.isInstance(error) && !error.authorizationSent,
    );
    await expect(answer(403)).rejects.toSatisfy(MonitorAuthorizationError.isInstance);
    await expect(answer(401)).rejects.toThrow(
      /answered 401; no Authorization header was sent: pass headers or getAuthorization, and requestUrl/,
    );
    for (const status of [408, 429, 500, 502, 503, 504]) {
      await expect(answer(status, "", { "retry-after": "2.128" })).rejects.toSatisfy(
        (error) => UpstreamHttpError.isInstance(error) && error.transient && error.retryAfterMs === 2128,
      );
    }
    await expect(answer(400)).rejects.toSatisfy(
      (error) => UpstreamHttpError.isInstance(error) && !error.transient,
    );
    await expect(answer(200, '{"status":')).rejects.toSatisfy(OperationValidationError.isInstance);
    await expect(answer(200, "[]")).rejects.toSatisfy(OperationValidationError.isInstance);
    const refused = scriptedTransport(() => Promise.reject(new Error("connect ECONNREFUSED")));
    await expect(pollMonitor(graphMonitor, { transport: refused })).rejects.toSatisfy(
      TransportError.isInstance,
    );
  });

  it("rejects with the signal's reason when aborted, not with a TransportError", async () => {
    const controller = new AbortController();
    const transport = scriptedTransport(
      (request) =>
        new Promise((_resolve, reject) =>
          request.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        ),
    );
    const answer = pollMonitor(graphMonitor, { transport, signal: controller.signal });
    await Promise.resolve();
    controller.abort(new Error("stop"));
    await expect(answer).rejects.toThrow("stop");
  });
});
