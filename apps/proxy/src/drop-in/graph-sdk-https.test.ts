import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  PageIterator,
  ResponseType,
  type BatchResponseBody,
  type PageCollection,
} from "@microsoft/microsoft-graph-client";
import { startSimulator, type Simulator } from "@lro/simulator";
import { generate } from "selfsigned";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fastTracker,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";

/*
 * The Graph SDK as a user points it at the proxy: base URL changed, nothing else. The SDK sends its token
 * only to https hosts it knows, so the proxy listens with TLS (a certificate made here, for 127.0.0.1).
 */

const graphToken = "graph-token-through-https";

let simulator: Simulator;
let proxy: TestProxy;
let client: Client;
let agent: Agent;
const platformFetch = globalThis.fetch;

beforeAll(async () => {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  simulator = await startSimulator({ defaults: { durationMs: 150 } });
  const files = mkdtempSync(join(tmpdir(), "lro-proxy-tls-"));
  writeFileSync(join(files, "cert.pem"), pems.cert);
  writeFileSync(join(files, "key.pem"), pems.private, { mode: 0o600 });
  proxy = await startTestProxy(
    simulator.url,
    [
      "--tls-cert",
      join(files, "cert.pem"),
      "--tls-key",
      join(files, "key.pem"),
      // The simulator's driveItem monitors live on its second origin, as SharePoint's do.
      "--token-origin",
      "http://127.0.0.1:*",
    ],
    fastTracker,
  );
  agent = new Agent({ connect: { ca: pems.cert } });
  // The SDK calls the global fetch: here undici's, trusting the certificate made above.
  globalThis.fetch = ((input: string, init?: Record<string, unknown>) =>
    undiciFetch(input, { ...init, dispatcher: agent })) as unknown as typeof fetch;
  client = Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => graphToken },
    baseUrl: proxy.url,
    customHosts: new Set(["127.0.0.1"]),
  });
});

afterAll(async () => {
  globalThis.fetch = platformFetch;
  await proxy.close();
  await simulator.close();
  await agent.close();
});

describe("the Graph SDK through the proxy over HTTPS", () => {
  it("listens with TLS when given --tls-cert and --tls-key", () => {
    expect(proxy.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("follows a 202 with client.api(Location).get() to the end, its token delivered upstream", async () => {
    const follow = async (path: string) => {
      const started = (await client
        .api(path)
        .header("x-api-key", testApiKey)
        .responseType(ResponseType.RAW)
        .post({ displayName: "Copy" })) as Response;
      expect(started.status).toBe(202);
      const location = started.headers.get("location") as string;
      expect(location).toMatch(new RegExp(`^${proxy.url}/v1\\.0/operations/`));
      expect(started.headers.get("operation-location")).toBe(location);
      let operation = (await started.json()) as { status: string; resourceLocation?: string };
      for (
        let attempt = 0;
        attempt < 20 && !["succeeded", "failed"].includes(operation.status);
        attempt += 1
      ) {
        operation = await client
          .api(location)
          .header("x-api-key", testApiKey)
          .header("Prefer", "wait=5")
          .get();
      }
      return operation;
    };
    expect((await follow("/drives/d1/items/i1/copy")).status).toBe("succeeded");
    // The proxy polled the monitor with the token the SDK sent it over HTTPS.
    expect(simulator.operations().at(-1)?.authorizationSeen).toBe(true);

    const cloned = await follow("/teams/source-team/clone");
    expect(cloned.status).toBe("succeeded");
    // Graph's relative, unversioned `/groups('…')/team` becomes versioned and under the proxy: the SDK follows it.
    expect(cloned.resourceLocation).toMatch(new RegExp(`^${proxy.url}/v1\\.0/groups\\('`));
    const team = (await client
      .api(cloned.resourceLocation as string)
      .header("x-api-key", testApiKey)
      .responseType(ResponseType.RAW)
      .get()) as Response;
    expect(team.url).toBe(cloned.resourceLocation);
  });

  it("pages a list with PageIterator, following @odata.nextLink as given", async () => {
    for (let index = 0; index < 3; index += 1) {
      await client.api(`/teams/t${index}/archive`).header("x-api-key", testApiKey).post({});
    }
    const options = { headers: { "x-api-key": testApiKey } };
    const first = (await client.api("/operations").headers(options.headers).top(2).get()) as PageCollection;
    expect(first["@odata.nextLink"]).toMatch(new RegExp(`^${proxy.url}/v1\\.0/operations\\?`));
    const ids: string[] = [];
    const iterator = new PageIterator(
      client,
      first,
      (item: { id: string }) => {
        ids.push(item.id);
        return true;
      },
      options,
    );
    await iterator.iterate();
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("batches with BatchRequestContent: an inner 202 becomes a proxy operation the SDK follows, token delivered", async () => {
    const content = new BatchRequestContent([
      {
        id: "copy",
        // The SDK 3.0.7 keeps the path after the host as the inner URL: written without a version.
        request: new Request(`${proxy.url}/drives/d1/items/batched/copy`, {
          method: "POST",
          body: JSON.stringify({ name: "batched.txt" }),
          headers: { "content-type": "application/json" },
        }),
      },
      { id: "missing", request: new Request(`${proxy.url}/me/unknown`, { method: "GET" }) },
    ]);
    const body = (await client
      .api("/$batch")
      .header("x-api-key", testApiKey)
      .post(await content.getContent())) as BatchResponseBody;
    const responses = new BatchResponseContent(body);
    const copy = responses.getResponseById("copy");
    expect(copy.status).toBe(202);
    const location = copy.headers.get("location") as string;
    expect(location).toMatch(new RegExp(`^${proxy.url}/v1\\.0/operations/`));
    expect(copy.headers.get("operation-location")).toBe(location);
    let operation = (await client.api(location).header("x-api-key", testApiKey).get()) as { status: string };
    for (let attempt = 0; attempt < 20 && operation.status !== "succeeded"; attempt += 1) {
      operation = (await client
        .api(location)
        .header("x-api-key", testApiKey)
        .header("Prefer", "wait=5")
        .get()) as { status: string };
    }
    expect(operation.status).toBe("succeeded");
    const monitorId = copy.headers.get("upstream-location")?.split("/").at(-1) ?? "";
    // The batch's token reached the monitor of the inner request, as a plain 202's does.
    expect(simulator.operation(monitorId)?.authorizationSeen).toBe(true);
    expect(responses.getResponseById("missing").status).toBe(404);
  });
});
