import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import { createEgressPolicy, type HostResolver } from "./egress-policy.js";

const key = "k".repeat(32);
const addresses: Record<string, string[]> = {
  "graph.microsoft.com": ["20.190.151.68"],
  "contoso.sharepoint.com": ["13.107.136.9", "2620:1ec:8f8::9"],
  "internal.sharepoint.com": ["10.1.2.3"],
  "rebound.sharepoint.com": ["13.107.136.10", "127.0.0.1"],
  "metadata.sharepoint.com": ["169.254.169.254"],
  "sixfour.sharepoint.com": ["::ffff:127.0.0.1"],
  "localhost.sharepoint.com": ["::1"],
  "compatible.sharepoint.com": ["::7f00:1"],
  "sixtofour.sharepoint.com": ["2002:a9fe:a9fe::1"],
  "teredo.sharepoint.com": ["2001:0:4136:e378:8000:63bf:3fff:fdd2"],
};
const resolve: HostResolver = async (hostname) => {
  const found = addresses[hostname];
  if (found === undefined) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return found;
};

function policy(argv: string[] = []) {
  return createEgressPolicy(parseConfig({ argv: ["--api-key", key, ...argv] }), { resolve });
}

async function refusal(check: Promise<void>): Promise<EgressDeniedError> {
  const error = await check.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!EgressDeniedError.isInstance(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("egress policy: where the proxy may call", () => {
  it("allows Graph and SharePoint monitors on public addresses", async () => {
    const egress = policy();
    await expect(
      egress.assertAllowed(new URL("https://graph.microsoft.com/v1.0/me")),
    ).resolves.toBeUndefined();
    await expect(
      egress.assertAllowed(new URL("https://contoso.sharepoint.com/_api/v2.0/monitor/1")),
    ).resolves.toBeUndefined();
  });

  it("refuses an origin off the allow-list and says which setting adds it", async () => {
    const error = await refusal(policy().assertAllowed(new URL("https://attacker.example/steal?token=1")));
    expect(error.origin).toBe("https://attacker.example");
    expect(error.message).toContain("not on the egress allow-list (setting --allow-origin)");
    expect(error.message).not.toContain("token=1");
  });

  it("refuses the bare domain of a wildcard entry, other schemes and other ports", async () => {
    const egress = policy();
    await refusal(egress.assertAllowed(new URL("https://sharepoint.com/")));
    await refusal(egress.assertAllowed(new URL("http://contoso.sharepoint.com/")));
    await refusal(egress.assertAllowed(new URL("https://contoso.sharepoint.com:8443/")));
    await refusal(egress.assertAllowed(new URL("file:///etc/passwd")));
    await refusal(egress.assertAllowed(new URL("https://user:secret@graph.microsoft.com/")));
  });

  it.each([
    ["169.254.169.254", "the cloud metadata address"],
    ["127.0.0.1", "a loopback address"],
    ["127.8.9.10", "a loopback address"],
    ["10.0.0.5", "a private address"],
    ["192.168.1.1", "a private address"],
    ["172.16.0.1", "a private address"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address"],
    ["0.0.0.0", "an unspecified address"],
    ["::1", "a loopback address"],
    ["fe80::1", "a link-local address"],
    ["fd00:ec2::254", "the cloud metadata address"],
    ["fc00::1", "a private (unique local) address"],
    ["::ffff:169.254.169.254", "the cloud metadata address"],
  ])("refuses %s (%s): off the list, and as the address of an allowed host name", async (address, reason) => {
    const literal = address.includes(":") ? `[${address}]` : address;
    await refusal(policy().assertAllowed(new URL(`http://${literal}/latest/meta-data/`)));
    const egress = createEgressPolicy(
      parseConfig({ argv: ["--api-key", key, "--allow-origin", "https://*.example.com"] }),
      { resolve: async () => [address] },
    );
    const error = await refusal(egress.assertAllowed(new URL("https://monitor.example.com/x")));
    expect(error.message).toContain(`monitor.example.com resolves to ${address}, ${reason}`);
  });

  it("refuses localhost unless it is named on the allow-list", async () => {
    const real = createEgressPolicy(parseConfig({ argv: ["--api-key", key] }));
    await refusal(real.assertAllowed(new URL("http://localhost:8080/")));
    const named = createEgressPolicy(
      parseConfig({ argv: ["--api-key", key, "--allow-origin", "http://localhost:*"] }),
    );
    await expect(named.assertAllowed(new URL("http://localhost:8080/"))).resolves.toBeUndefined();
  });

  it.each([
    ["https://internal.sharepoint.com/m", "internal.sharepoint.com resolves to 10.1.2.3, a private address"],
    ["https://rebound.sharepoint.com/m", "rebound.sharepoint.com resolves to 127.0.0.1, a loopback address"],
    ["https://metadata.sharepoint.com/m", "resolves to 169.254.169.254, the cloud metadata address"],
    ["https://sixfour.sharepoint.com/m", "resolves to ::ffff:127.0.0.1, a loopback address"],
    ["https://localhost.sharepoint.com/m", "resolves to ::1, a loopback address"],
    ["https://compatible.sharepoint.com/m", "resolves to ::7f00:1, an IPv4-compatible address"],
    ["https://sixtofour.sharepoint.com/m", "resolves to 2002:a9fe:a9fe::1, a 6to4 tunnel address"],
    ["https://teredo.sharepoint.com/m", "a Teredo tunnel address"],
  ])("refuses an allowed host name that resolves to a blocked range: %s", async (address, reason) => {
    const error = await refusal(policy().assertAllowed(new URL(address)));
    expect(error.message).toContain(reason);
    expect(error.message).toContain("--allow-address");
  });

  it("allows a blocked range the operator allowed explicitly", async () => {
    await expect(
      policy(["--allow-address", "10.0.0.0/8"]).assertAllowed(new URL("https://internal.sharepoint.com/m")),
    ).resolves.toBeUndefined();
  });

  it("treats an address named in --allow-origin or --upstream as explicitly allowed", async () => {
    const egress = policy(["--upstream", "http://127.0.0.1:4000", "--allow-origin", "http://127.0.0.1:*"]);
    await expect(egress.assertAllowed(new URL("http://127.0.0.1:4000/v1.0/me"))).resolves.toBeUndefined();
    await expect(egress.assertAllowed(new URL("http://127.0.0.1:4001/monitor"))).resolves.toBeUndefined();
    await refusal(egress.assertAllowed(new URL("http://127.0.0.2:4000/")));
  });

  it("refuses the metadata address written in other forms", async () => {
    const egress = policy(["--allow-origin", "http://*.example"]);
    for (const address of [
      "http://169.254.169.254/",
      "http://0xa9fea9fe/",
      "http://2852039166/",
      "http://[::ffff:a9fe:a9fe]/",
    ]) {
      await refusal(egress.assertAllowed(new URL(address)));
    }
  });
});

describe("egress policy: which calls carry a caller's token", () => {
  it("sends a token only to the origin it was meant for", () => {
    const egress = policy();
    expect(
      egress.mayReceiveToken(new URL("https://graph.microsoft.com/v1.0/x"), "https://graph.microsoft.com"),
    ).toBe(true);
    expect(
      egress.mayReceiveToken(
        new URL("https://contoso.sharepoint.com/monitor"),
        "https://graph.microsoft.com",
      ),
    ).toBe(false);
    expect(
      egress.mayReceiveToken(new URL("http://graph.microsoft.com/v1.0/x"), "https://graph.microsoft.com"),
    ).toBe(false);
    expect(
      egress.mayReceiveToken(
        new URL("https://graph.microsoft.com.evil.example/"),
        "https://graph.microsoft.com",
      ),
    ).toBe(false);
  });

  it("sends it to an origin the operator trusts with tokens", () => {
    const egress = policy(["--token-origin", "https://*.sharepoint.com"]);
    expect(
      egress.mayReceiveToken(
        new URL("https://contoso.sharepoint.com/monitor"),
        "https://graph.microsoft.com",
      ),
    ).toBe(true);
  });
});

describe("egress policy: the lookup of new connections", () => {
  const socketLookup = ((
    hostname: string,
    _options: object,
    callback: (error: Error | null, addresses: LookupAddress[]) => void,
  ) => {
    callback(
      null,
      (addresses[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  }) as unknown as LookupFunction;

  function lookup(hostname: string, all: boolean): Promise<unknown> {
    const egress = createEgressPolicy(parseConfig({ argv: ["--api-key", key] }), { socketLookup });
    return new Promise((resolvePromise, reject) => {
      egress.lookup(hostname, { all }, (error, address) =>
        error === null ? resolvePromise(address) : reject(error),
      );
    });
  }

  it("answers public addresses", async () => {
    await expect(lookup("graph.microsoft.com", false)).resolves.toBe("20.190.151.68");
    await expect(lookup("contoso.sharepoint.com", true)).resolves.toHaveLength(2);
  });

  it("refuses a host that resolves to a blocked range at connect time (DNS rebinding)", async () => {
    await expect(lookup("rebound.sharepoint.com", false)).rejects.toSatisfy(EgressDeniedError.isInstance);
  });
});

describe("egress policy: the checks without DNS", () => {
  it("refuses what is off the list and passes what is on it, without resolving", () => {
    const egress = createEgressPolicy(parseConfig({ argv: ["--api-key", key] }), {
      resolve: () => Promise.reject(new Error("must not resolve")),
    });
    expect(() => egress.assertOriginAllowed(new URL("https://contoso.sharepoint.com/monitor"))).not.toThrow();
    expect(() => egress.assertOriginAllowed(new URL("https://attacker.example/"))).toThrow(EgressDeniedError);
    expect(() => egress.assertOriginAllowed(new URL("http://169.254.169.254/"))).toThrow(EgressDeniedError);
  });
});
