import { describe, expect, it } from "vitest";
import { rawRequest, testApiKey, type TestProxy } from "../lifecycle/test-support/test-proxy.js";
import { useProxiesOnSimulator } from "../lifecycle/test-support/proxies-on-simulator.js";

const key = { "x-api-key": testApiKey };

// The simulator's driveItem monitors live on its second origin, as SharePoint's do: a token goes there only when allowed.
const servers = useProxiesOnSimulator(
  { defaults: { durationMs: 150 } },
  {
    proxy: [],
    tokenEverywhere: ["--token-origin", "http://127.0.0.1:*"],
  },
);

interface InnerAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

async function batch(
  target: TestProxy,
  version: string,
  requests: unknown[],
  headers: Record<string, string> = {},
) {
  const answer = await rawRequest(`${target.url}/${version}/$batch`, {
    method: "POST",
    headers: { ...key, "content-type": "application/json", ...headers },
    body: JSON.stringify({ requests }),
  });
  expect(answer.status).toBe(200);
  const byId = new Map(
    answer.json<{ responses: InnerAnswer[] }>().responses.map((inner) => [inner.id, inner]),
  );
  return { answer, byId };
}

async function waitForEnd(location: string): Promise<{ status: string; monitorUrl: string }> {
  const answer = await rawRequest(location, { headers: { ...key, prefer: "wait=10" } });
  expect(answer.status).toBe(200);
  return answer.json();
}

describe("a JSON batch through the proxy", () => {
  it("takes over every inner 202 and points its Location and Operation-Location at the proxy's operation", async () => {
    const { answer, byId } = await batch(servers.proxy, "v1.0", [
      { id: "clone", method: "POST", url: "/teams/source-team/clone", body: { displayName: "Copy" } },
      { id: "copy", method: "POST", url: "drives/d1/items/i1/copy", body: { name: "c.txt" } },
      { id: "missing", method: "GET", url: "/me/unknown" },
    ]);
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    const clone = byId.get("clone");
    const copy = byId.get("copy");
    expect(clone?.status).toBe(202);
    expect(clone?.headers["Location"]).toMatch(
      new RegExp(`^${servers.proxy.url}/v1\\.0/operations/[\\w-]+$`),
    );
    expect(clone?.headers["Operation-Location"]).toBe(clone?.headers["Location"]);
    // The monitor the upstream named, kept under the name a plain 202 uses.
    expect(clone?.headers["Upstream-Location"]).toMatch(/^\/teams\('[\w-]+'\)\/operations\('[\w-]+'\)$/);
    expect(clone?.headers["Retry-After"]).toMatch(/^\d+$/);
    // Graph's relative Content-Location, versioned and through the proxy, as on a plain 202.
    expect(clone?.headers["Content-Location"]).toMatch(new RegExp(`^${servers.proxy.url}/v1\\.0/teams\\('`));
    expect(copy?.headers["Upstream-Location"]).toMatch(
      new RegExp(`^${servers.simulator.monitorUrl}/_api/v2\\.0/monitor/`),
    );

    const cloned = await waitForEnd(clone?.headers["Location"] ?? "");
    expect(cloned.status).toBe("succeeded");
    expect(cloned.monitorUrl).toMatch(new RegExp(`^${servers.simulator.url}/v1\\.0/teams\\('`));
    expect((await waitForEnd(copy?.headers["Location"] ?? "")).status).toBe("succeeded");

    // A non-202 inner answer is left as the upstream wrote it.
    const missing = byId.get("missing");
    expect(missing?.status).toBe(404);
    expect(missing?.headers["Location"]).toBeUndefined();
    expect(missing?.body).toMatchObject({ error: { code: "ResourceNotFound" } });
  });

  it("resolves inner URLs against the batch's version (beta)", async () => {
    const { byId } = await batch(servers.proxy, "beta", [
      { id: "1", method: "POST", url: "/teams/t-beta/archive", body: {} },
    ]);
    const location = byId.get("1")?.headers["Location"] ?? "";
    expect(location).toMatch(new RegExp(`^${servers.proxy.url}/beta/operations/`));
    const operation = await waitForEnd(location);
    expect(operation.monitorUrl).toMatch(new RegExp(`^${servers.simulator.url}/beta/teams\\('t-beta'\\)`));
    expect(operation.status).toBe("succeeded");
  });

  it("sends the caller's token only where a plain 202's would go", async () => {
    const requests = [{ id: "copy", method: "POST", url: "/drives/d1/items/i2/copy", body: {} }];
    const authorization = { authorization: "Bearer graph-token" };
    const withheld = await batch(servers.proxy, "v1.0", requests, authorization);
    await waitForEnd(withheld.byId.get("copy")?.headers["Location"] ?? "");
    const withheldId = withheld.byId.get("copy")?.headers["Upstream-Location"]?.split("/").at(-1);
    expect(servers.simulator.operation(withheldId ?? "")?.authorizationSeen).toBe(false);

    const allowed = await batch(servers.tokenEverywhere, "v1.0", requests, authorization);
    await waitForEnd(allowed.byId.get("copy")?.headers["Location"] ?? "");
    const allowedId = allowed.byId.get("copy")?.headers["Upstream-Location"]?.split("/").at(-1);
    expect(servers.simulator.operation(allowedId ?? "")?.authorizationSeen).toBe(true);
  });
});
