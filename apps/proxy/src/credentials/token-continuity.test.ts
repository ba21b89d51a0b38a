import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rawRequest, testApiKey } from "../lifecycle/test-support/test-proxy.js";
import { listeningUrl, runProxyCommand, type ProxyCommand } from "../lifecycle/test-support/proxy-command.js";
import {
  startRecordingUpstream,
  type ReceivedRequest,
  type RecordingUpstream,
} from "../upstream/test-support/recording-upstream.js";
import {
  fakeTlsCertificatePath,
  startFakeTokenEndpoint,
  type FakeTokenEndpoint,
} from "./test-support/fake-token-endpoint.js";

const operations = 20;
const tenant = "contoso.example";
const clientId = "11111111-2222-3333-4444-555555555555";
const clientSecret = "app-secret-0123456789";

let upstream: RecordingUpstream | undefined;
let endpoint: FakeTokenEndpoint | undefined;
let dataDir: string | undefined;
const commands: ProxyCommand[] = [];

afterEach(async () => {
  for (const command of commands.splice(0))
    if (command.child.exitCode === null) command.child.kill("SIGKILL");
  await upstream?.close();
  await endpoint?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A Graph-like upstream whose monitors want a token it accepts (`accepts`), answer 401 otherwise, and
 * report `running` until `finish()`.
 */
async function startTokenCheckingUpstream(accepts: (authorization: string | undefined) => boolean) {
  let finished = false;
  /** Monitors whose next poll gets a 401 whatever its token (a transient refusal), then are served again. */
  const refuseOnce = new Set<string>();
  let refusals = 0;
  const server = await startRecordingUpstream((request: ReceivedRequest, response: ServerResponse) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    const started = /^\/v1\.0\/things\/(\d+)\/start$/.exec(request.url);
    if (request.method === "POST" && started !== null) {
      return json(202, {}, { location: `${server.url}/v1.0/monitors/${started[1]}`, "retry-after": "1" });
    }
    const monitor = /^\/v1\.0\/monitors\/(\d+)$/.exec(request.url);
    if (request.method === "GET" && monitor !== null) {
      if (refuseOnce.delete(monitor[1]!) || !accepts(request.headers.authorization)) {
        refusals += 1;
        return json(401, {
          error: { code: "InvalidAuthenticationToken", message: "Access token is empty or invalid." },
        });
      }
      return json(
        200,
        {
          id: monitor[1],
          status: finished ? "succeeded" : "running",
          createdDateTime: "2026-12-07T00:00:00Z",
          lastActionDateTime: "2026-12-07T00:00:00Z",
        },
        { "retry-after": "1" },
      );
    }
    json(404, { error: { code: "itemNotFound", message: "no such path" } });
  });
  return {
    server,
    finish: () => (finished = true),
    refuseEachOnce: () => {
      for (let index = 0; index < operations; index += 1) refuseOnce.add(String(index));
    },
    refusals: () => refusals,
  };
}

const monitorPolls = (server: RecordingUpstream, since = 0) =>
  server.received
    .slice(since)
    .filter((request) => request.method === "GET" && request.url.startsWith("/v1.0/monitors/"));

async function startOperations(url: string, authorization: string): Promise<void> {
  for (let index = 0; index < operations; index += 1) {
    const started = await rawRequest(`${url}/v1.0/things/${index}/start`, {
      method: "POST",
      headers: { "x-api-key": testApiKey, authorization },
    });
    expect(started.status).toBe(202);
  }
}

/** The statuses of every operation, read with the API key alone: no request brings a Graph token. */
async function statuses(url: string): Promise<string[]> {
  const list = await rawRequest(`${url}/operations?$top=100`, { headers: { "x-api-key": testApiKey } });
  return list.json<{ value: Array<{ status: string }> }>().value.map((operation) => operation.status);
}

function start(flags: string[], env: Record<string, string>): ProxyCommand {
  const command = runProxyCommand(
    ["--upstream", upstream!.url, "--port", "0", "--data-dir", dataDir!, ...flags],
    { LRO_PROXY_API_KEY: testApiKey, ...env },
  );
  commands.push(command);
  return command;
}

describe("token continuity across a kill -9 and a restart (real processes)", () => {
  it("app-only credentials: every operation resumes and ends without a client, a refused token renewed", async () => {
    endpoint = await startFakeTokenEndpoint({ tenant, clientId, clientSecret });
    const appTokens = () => new Set(endpoint!.issued.map((token) => `Bearer ${token}`));
    const checking = await startTokenCheckingUpstream(
      (authorization) =>
        authorization === "Bearer client-token" ||
        (authorization !== undefined && appTokens().has(authorization)),
    );
    upstream = checking.server;
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-app-only-"));
    const flags = [
      "--graph-tenant-id",
      tenant,
      "--graph-client-id",
      clientId,
      "--graph-authority-host",
      endpoint.url,
    ];
    const env = { LRO_PROXY_GRAPH_CLIENT_SECRET: clientSecret, NODE_EXTRA_CA_CERTS: fakeTlsCertificatePath };

    const first = start(flags, env);
    const url = await listeningUrl(first);
    expect(endpoint.issued).toHaveLength(1);
    await startOperations(url, "Bearer client-token");
    await expect
      .poll(() => new Set(monitorPolls(upstream!).map((request) => request.url)).size, { timeout: 20_000 })
      .toBe(operations);
    first.child.kill("SIGKILL");
    await first.exited;

    checking.finish();
    // Each monitor refuses the first poll after the restart (a transient 401 with a token in hand): the
    // poll is sent again at once with a renewed token instead of the operation waiting for a client.
    checking.refuseEachOnce();
    const refusalsBefore = checking.refusals();
    const pollsBefore = upstream.received.length;
    const issuedBefore = endpoint.issued.length;
    const second = start(flags, env);
    const restarted = await listeningUrl(second);
    await expect
      .poll(() => statuses(restarted), { timeout: 30_000, interval: 250 })
      .toEqual(Array.from({ length: operations }, () => "succeeded"));
    const after = monitorPolls(upstream, pollsBefore);
    expect(checking.refusals() - refusalsBefore).toBe(operations);
    // One token at start, at least one more renewed after the refusals.
    expect(endpoint.issued.length).toBeGreaterThanOrEqual(issuedBefore + 2);
    expect(after.every((request) => request.headers.authorization?.startsWith("Bearer app-token-"))).toBe(
      true,
    );
    expect(after.every((request) => request.headers.authorization !== "Bearer client-token")).toBe(true);
    expect(second.output.join("\n")).not.toContain(clientSecret);
  }, 90_000);

  it("the encrypted vault: callers' tokens survive the restart and every operation ends without a client", async () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const callerToken = `Bearer ${part({ alg: "RS256", typ: "JWT" })}.${part({ sub: "caller", exp })}.c2lnbmF0dXJl`;
    const checking = await startTokenCheckingUpstream((authorization) => authorization === callerToken);
    upstream = checking.server;
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-vault-"));
    const key = randomBytes(32).toString("hex");
    const env = { LRO_PROXY_TOKEN_VAULT_KEY: key };

    const first = start([], env);
    const url = await listeningUrl(first);
    await startOperations(url, callerToken);
    await expect
      .poll(() => new Set(monitorPolls(upstream!).map((request) => request.url)).size, { timeout: 20_000 })
      .toBe(operations);
    first.child.kill("SIGKILL");
    await first.exited;

    const vaultFile = join(dataDir, "tokens.vault");
    expect(statSync(vaultFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(vaultFile, "utf8")).not.toContain(callerToken.slice(7, 60));

    checking.finish();
    const second = start([], env);
    const restarted = await listeningUrl(second);
    await expect
      .poll(() => statuses(restarted), { timeout: 30_000, interval: 250 })
      .toEqual(Array.from({ length: operations }, () => "succeeded"));
    const logs = [...first.output, ...second.output].join("\n");
    expect(logs).not.toContain(key);
    expect(logs).not.toContain(callerToken.slice(7));
  }, 90_000);

  it("without a vault key: a warning says tokens are kept in memory only", async () => {
    upstream = (await startTokenCheckingUpstream(() => true)).server;
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-no-vault-"));
    const command = start([], {});
    await listeningUrl(command);
    expect(command.output.join("\n")).toContain(
      "no --token-vault-key (LRO_PROXY_TOKEN_VAULT_KEY): callers' Graph tokens are kept in memory only",
    );
  }, 60_000);
});
