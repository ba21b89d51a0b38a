import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphOrigins, mayReceiveAuthorization, resolveMonitorUrl } from "./monitor-url.js";

describe("resolveMonitorUrl", () => {
  it("keeps the request's version segment for a relative OData address", () => {
    const request = "https://graph.microsoft.com/v1.0/teams/abc/clone";
    expect(resolveMonitorUrl("/teams('a')/operations('b')", request).href).toBe(
      "https://graph.microsoft.com/v1.0/teams('a')/operations('b')",
    );
    expect(
      resolveMonitorUrl("/teams('a')/operations('b')", "https://graph.microsoft.com/beta/teams").href,
    ).toBe("https://graph.microsoft.com/beta/teams('a')/operations('b')");
  });

  it("keeps what comes before the version segment (a proxy's path prefix)", () => {
    expect(
      resolveMonitorUrl("/teams('a')/operations('b')", "http://127.0.0.1:8080/graph/v1.0/teams").href,
    ).toBe("http://127.0.0.1:8080/graph/v1.0/teams('a')/operations('b')");
    expect(resolveMonitorUrl("/beta/print/operations/x", "http://127.0.0.1:8080/graph/v1.0/print").href).toBe(
      "http://127.0.0.1:8080/graph/beta/print/operations/x",
    );
  });

  it("leaves an address that already names a version alone", () => {
    expect(
      resolveMonitorUrl("/beta/teams('a')/operations('b')", "https://graph.microsoft.com/v1.0/teams").href,
    ).toBe("https://graph.microsoft.com/beta/teams('a')/operations('b')");
    expect(
      resolveMonitorUrl("/v1.0/sites/x/operations/y?a=1", "https://graph.microsoft.com/v1.0/sites").href,
    ).toBe("https://graph.microsoft.com/v1.0/sites/x/operations/y?a=1");
  });

  it("keeps absolute addresses, on any host, with their query", () => {
    const sharepoint = "https://contoso.sharepoint.com/_api/v2.0/monitor/4A34";
    expect(resolveMonitorUrl(sharepoint, "https://graph.microsoft.com/v1.0/drives/1/items/2/copy").href).toBe(
      sharepoint,
    );
    const reset =
      "https://graph.microsoft.com/v1.0/users/u/authentication/operations/o?aadgdc=DUB02P&aadgsu=ssprprod-a";
    expect(resolveMonitorUrl(reset, "https://graph.microsoft.com/v1.0/users/u").href).toBe(reset);
  });

  it("resolves other relative forms as RFC 3986 does", () => {
    expect(
      resolveMonitorUrl("operations/7", "https://graph.microsoft.com/v1.0/print/printers/create").href,
    ).toBe("https://graph.microsoft.com/v1.0/print/printers/operations/7");
    expect(resolveMonitorUrl("/teams('a')", "https://graph.microsoft.com/teams/x").href).toBe(
      "https://graph.microsoft.com/teams('a')",
    );
  });

  it("rejects an empty address with a clear message", () => {
    expect(() => resolveMonitorUrl(" ", "https://graph.microsoft.com/v1.0/x")).toThrow(
      /monitor address is empty/,
    );
  });

  it("always keeps the request's origin and version for any relative path", () => {
    const segment = fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9()']{0,12}$/)
      .filter((text) => !/^(v\d|beta)/i.test(text));
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("v1.0", "beta"),
        (path, version) => {
          const resolved = resolveMonitorUrl(
            `/${path.join("/")}`,
            `https://graph.microsoft.com/${version}/x/y`,
          );
          expect(resolved.origin).toBe("https://graph.microsoft.com");
          expect(resolved.pathname.startsWith(`/${version}/`)).toBe(true);
        },
      ),
    );
  });
});

describe("mayReceiveAuthorization", () => {
  const requestUrl = "https://graph.microsoft.com/v1.0/drives/1/items/2/copy";

  it("allows the request's own origin", () => {
    expect(mayReceiveAuthorization("https://graph.microsoft.com/v1.0/x", { requestUrl })).toBe(true);
  });

  it("refuses another host, scheme or port unless trusted", () => {
    for (const monitor of [
      "https://contoso.sharepoint.com/_api/v2.0/monitor/1",
      "http://graph.microsoft.com/v1.0/x",
      "https://graph.microsoft.com:8443/v1.0/x",
      "https://graph.microsoft.com.evil.example/v1.0/x",
    ]) {
      expect(mayReceiveAuthorization(monitor, { requestUrl }), monitor).toBe(false);
    }
  });

  it("allows origins listed in trustedOrigins", () => {
    const scope = { requestUrl, trustedOrigins: ["https://contoso.sharepoint.com"] };
    expect(mayReceiveAuthorization("https://contoso.sharepoint.com/_api/v2.0/monitor/1", scope)).toBe(true);
    expect(mayReceiveAuthorization("https://fabrikam.sharepoint.com/_api/v2.0/monitor/1", scope)).toBe(false);
  });

  it("lets only Graph's own origins receive it when no request is named", () => {
    expect(mayReceiveAuthorization("https://graph.microsoft.com/v1.0/x", {})).toBe(true);
    expect(mayReceiveAuthorization("https://microsoftgraph.chinacloudapi.cn/v1.0/x", {})).toBe(true);
    expect(mayReceiveAuthorization("https://contoso.sharepoint.com/_api/v2.0/monitor/1", {})).toBe(false);
    expect(mayReceiveAuthorization("http://127.0.0.1:4010/v1.0/x", {})).toBe(false);
    expect(mayReceiveAuthorization("https://graph.microsoft.com.evil.example/v1.0/x", {})).toBe(false);
  });

  it("refuses a trusted origin or request address without a scheme, naming it and how to write it", () => {
    const monitor = "https://contoso.sharepoint.com/_api/v2.0/monitor/1";
    for (const trusted of ["contoso.sharepoint.com", "contoso.sharepoint.com:443"]) {
      expect(() => mayReceiveAuthorization(monitor, { requestUrl, trustedOrigins: [trusted] })).toThrow(
        `trustedOrigins entry "${trusted}" is not an http(s) address; write it with its scheme, e.g. "https://contoso.sharepoint.com"`,
      );
    }
    expect(() => mayReceiveAuthorization(monitor, { requestUrl: "graph.microsoft.com/v1.0/x" })).toThrow(
      /^requestUrl "graph.microsoft.com\/v1.0\/x" is not an http\(s\) address/,
    );
  });

  it("keeps Graph's own origins fixed", () => {
    expect(() => (graphOrigins as string[]).push("https://evil.example")).toThrow(TypeError);
    expect(mayReceiveAuthorization("https://evil.example/v1.0/x", {})).toBe(false);
  });

  it("does not fall back to Graph's origins once a request is named", () => {
    expect(
      mayReceiveAuthorization("https://graph.microsoft.com/v1.0/x", {
        requestUrl: "https://example.com/v1.0/a",
      }),
    ).toBe(false);
  });
});
