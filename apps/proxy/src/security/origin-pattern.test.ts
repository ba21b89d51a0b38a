import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatOriginPattern,
  originMatches,
  parseOriginPattern,
  type OriginPattern,
} from "./origin-pattern.js";

function parsed(value: string): OriginPattern {
  const pattern = parseOriginPattern(value);
  if (typeof pattern === "string") throw new Error(pattern);
  return pattern;
}

describe("parseOriginPattern", () => {
  it.each([
    ["https://graph.microsoft.com", { protocol: "https:", host: "graph.microsoft.com", port: "" }],
    ["https://GRAPH.microsoft.com:443/", { protocol: "https:", host: "graph.microsoft.com", port: "" }],
    ["https://*.sharepoint.com", { protocol: "https:", host: "*.sharepoint.com", port: "" }],
    ["http://127.0.0.1:*", { protocol: "http:", host: "127.0.0.1", port: "*" }],
    ["http://[::1]:8080", { protocol: "http:", host: "[::1]", port: "8080" }],
  ])("reads %s", (value, expected) => {
    expect(parseOriginPattern(value)).toEqual(expected);
  });

  it.each([
    "graph.microsoft.com",
    "ftp://files.example",
    "https://a.example/path",
    "https://user:pw@a.example",
    "https://a.example?x=1",
    "https://",
  ])("refuses %j with a message naming it", (value) => {
    const problem = parseOriginPattern(value);
    expect(typeof problem).toBe("string");
    expect(problem).toContain(value);
  });

  it("writes a pattern back as it reads", () => {
    for (const value of [
      "https://*.sharepoint.com",
      "http://127.0.0.1:*",
      "https://graph.microsoft.com",
      "http://a.example:8080",
    ]) {
      expect(formatOriginPattern(parsed(value))).toBe(value);
    }
  });
});

describe("originMatches", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);

  it("matches a wildcard's subdomains at any depth, never the bare domain or a look-alike", () => {
    const pattern = parsed("https://*.sharepoint.com");
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const host = labels.join(".");
        expect(originMatches(pattern, new URL(`https://${host}.sharepoint.com/x`))).toBe(true);
        expect(originMatches(pattern, new URL(`https://${host}sharepoint.com/x`))).toBe(false);
        expect(originMatches(pattern, new URL(`https://sharepoint.com.${host}.example/x`))).toBe(false);
      }),
    );
    expect(originMatches(pattern, new URL("https://sharepoint.com/"))).toBe(false);
  });

  it("matches the port exactly, or any port with *", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
        expect(originMatches(parsed("http://127.0.0.1:*"), new URL(`http://127.0.0.1:${port}/`))).toBe(true);
        expect(originMatches(parsed("http://127.0.0.1:4000"), new URL(`http://127.0.0.1:${port}/`))).toBe(
          port === 4000,
        );
      }),
    );
  });

  it("never matches another scheme", () => {
    expect(originMatches(parsed("https://graph.microsoft.com"), new URL("http://graph.microsoft.com/"))).toBe(
      false,
    );
  });
});
