import { startSimulator } from "@lro/simulator";
import type { Simulator } from "@lro/simulator";
import { Client, GraphError, ResponseType } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitOperation } from "./await-operation-option.js";
import { graphClientMiddleware } from "./graph-client-middleware.js";
import { recordingTransport } from "./test-support/recording-transport.js";

let simulator: Simulator;
let client: Client;
let tokensAsked = 0;
const fast = { minInterval: 20, interval: 50 };
const scenario = (options: object) => ({ "x-simulator-scenario": JSON.stringify(options) });

beforeAll(async () => {
  simulator = await startSimulator({ defaults: { durationMs: 400, retryAfterSeconds: 0 } });
  const authProvider = { getAccessToken: async () => `graph-token-${++tokensAsked}` };
  client = Client.initWithMiddleware({
    middleware: graphClientMiddleware(authProvider),
    baseUrl: simulator.url,
    defaultVersion: "v1.0",
    // The simulator stands in for Graph: the client's own way to name another Graph host.
    customHosts: new Set([new URL(simulator.url).host]),
  });
});
afterAll(() => simulator.close());

describe("the Graph client v3 middleware, against the simulator", () => {
  it("awaits a printer registration to its end, sending the SDK's token to the Graph origin's monitor", async () => {
    const { transport, sent } = recordingTransport();
    const option = awaitOperation({ poll: { ...fast, transport } });
    const result = await client
      .api(`/print/printers/create`)
      .headers(scenario({ durationMs: 400 }))
      .middlewareOptions([option])
      .post({ displayName: "Printer" });
    expect(result).toMatchObject({ kind: "printerCreateOperation", status: "succeeded" });
    expect(option.operation).toMatchObject({ status: "succeeded" });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.url.startsWith(simulator.url))).toBe(true);
    expect(sent.every((request) => /^Bearer graph-token-\d+$/.test(request.authorization ?? ""))).toBe(true);
  });

  it("never sends the token to a monitor on another origin (driveItem copy), and can answer the resource", async () => {
    const { transport, sent } = recordingTransport();
    const option = awaitOperation({ result: "resource", poll: { ...fast, transport } });
    const item = await client
      .api(`/drives/b!drive/items/01ITEM/copy`)
      .middlewareOptions([option])
      .post({ name: "copy.txt", parentReference: { driveId: "b!drive", id: "root" } });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.url.startsWith(simulator.monitorUrl))).toBe(true);
    expect(sent.map((request) => request.authorization)).toEqual(sent.map(() => undefined));
    expect(option.operation).toMatchObject({ status: "succeeded", kind: "asyncJobStatus" });
    expect(item).toMatchObject({ name: "copy.txt", parentReference: { driveId: "b!drive" } });
  });

  it("rejects with the SDK's GraphError naming OperationFailedError when the operation failed", async () => {
    const option = awaitOperation({ poll: fast });
    const failure = await client
      .api(`/print/printers/create`)
      .headers(scenario({ outcome: "failed" }))
      .middlewareOptions([option])
      .post({ displayName: "Doomed" })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ code: "OperationFailedError" });
    expect(option.operation).toMatchObject({ status: "failed" });
  });

  it("leaves a request that did not opt in alone: its 202 comes back as it is", async () => {
    const before = simulator.operations().length;
    const response = (await client
      .api(`/print/printers/create`)
      .responseType(ResponseType.RAW)
      .post({ displayName: "Printer" })) as Response;
    expect(response.status).toBe(202);
    expect(response.headers.get("location") ?? response.headers.get("operation-location")).toBeTruthy();
    expect(simulator.operations()).toHaveLength(before + 1);
    expect(simulator.operations().at(-1)!.pollTimes).toEqual([]);
  });
});
