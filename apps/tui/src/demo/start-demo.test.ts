import { describe, expect, it } from "vitest";
import { collectOperations } from "../output/collect-operations.js";
import { demoOperations } from "./demo-operations.js";
import { startDemo } from "./start-demo.js";

describe("startDemo", () => {
  it("runs the simulator and the proxy in-process and lists every demo operation through the proxy", async () => {
    const demo = await startDemo({ continuous: false });
    try {
      expect(demo.source.mode).toBe("proxy");
      const state = await collectOperations(demo.source, { wait: false });
      expect(state.entries.size).toBe(demoOperations.length);
      const listed = await fetch(`${demo.proxyUrl}/operations`, { headers: { "x-api-key": demo.apiKey } });
      expect(listed.status).toBe(200);
      const unauthorised = await fetch(`${demo.proxyUrl}/operations`, {
        headers: { "x-api-key": "wrong-key-0123456789" },
      });
      expect(unauthorised.status).toBe(401);
    } finally {
      await demo.close();
    }
    await expect(fetch(`${demo.proxyUrl}/operations`)).rejects.toThrow();
  }, 20_000);
});
