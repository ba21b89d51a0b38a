import { describe, expect, it } from "vitest";
import { bundle } from "./test-support/bundle.js";

describe("@lro/core bundled for a browser (esbuild --platform=browser)", () => {
  it("builds, with no Node-only module in it: the transport is fetch", async () => {
    const { inputs } = await bundle("index.ts", "browser");
    expect(inputs.some((input) => input.endsWith("poller/platform-transport.portable.ts"))).toBe(true);
    expect(
      inputs.filter((input) => /node_modules\/undici\/|platform-transport\.node|^node:/.test(input)),
    ).toEqual([]);
    expect(inputs.some((input) => /node_modules\/(zod|rxjs)\//.test(input))).toBe(true);
  });

  it("gets undici on Node (the package's node condition)", async () => {
    const { inputs } = await bundle("index.ts", "node");
    expect(inputs.some((input) => input.endsWith("poller/platform-transport.node.ts"))).toBe(true);
    expect(inputs.some((input) => input.includes("node_modules/undici/"))).toBe(true);
    expect(inputs.some((input) => input.endsWith("poller/platform-transport.portable.ts"))).toBe(false);
  });

  it("builds the browser page that the Chromium test runs", async () => {
    const { code } = await bundle("browser/test-support/page.ts", "browser");
    expect(code).toContain("x-simulator-scenario");
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });
});
