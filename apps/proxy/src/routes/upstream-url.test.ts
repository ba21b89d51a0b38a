import { describe, expect, it } from "vitest";
import { BadRequestError } from "../http-errors/request-errors.js";
import { upstreamUrlFor } from "./forwarding-router.js";

describe("upstreamUrlFor", () => {
  it("keeps the request's path and query on the upstream's origin", () => {
    expect(upstreamUrlFor(new URL("https://graph.microsoft.com"), "/v1.0/me/drive?$top=5").href).toBe(
      "https://graph.microsoft.com/v1.0/me/drive?$top=5",
    );
  });

  it("puts the upstream's base path in front", () => {
    expect(upstreamUrlFor(new URL("http://127.0.0.1:4000/graph/"), "/beta/teams").href).toBe(
      "http://127.0.0.1:4000/graph/beta/teams",
    );
  });

  it("keeps a path that starts with // on the upstream", () => {
    expect(upstreamUrlFor(new URL("https://graph.microsoft.com"), "//attacker.example/v1.0").origin).toBe(
      "https://graph.microsoft.com",
    );
  });

  it("refuses a request target in absolute form", () => {
    expect(() =>
      upstreamUrlFor(new URL("https://graph.microsoft.com"), "http://attacker.example/v1.0/me"),
    ).toThrow(BadRequestError);
  });

  it("keeps a target with an @ on the upstream (no user-info trick)", () => {
    expect(() => upstreamUrlFor(new URL("https://graph.microsoft.com"), "/@attacker.example")).not.toThrow();
    expect(upstreamUrlFor(new URL("https://graph.microsoft.com"), "/@attacker.example").origin).toBe(
      "https://graph.microsoft.com",
    );
  });
});
