import { describe, expect, it } from "vitest";
import { demoOperations } from "./demo-operations.js";
import { startDemo } from "./start-demo.js";

describe("startDemo", () => {
  it("runs the simulator and the proxy in-process and has the proxy follow every demo operation", async () => {
    const demo = await startDemo({ continuous: false });
    try {
      const listed = await fetch(`${demo.proxyUrl}/operations?$top=100`, {
        headers: { "x-api-key": demo.apiKey },
      });
      expect(listed.status).toBe(200);
      const { value } = (await listed.json()) as { value: { kind: string }[] };
      expect(value).toHaveLength(demoOperations.length);
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

describe("startDemo on a given port", () => {
  it("listens on the port with the key it is given, so a second client can call it", async () => {
    const first = await startDemo({ continuous: false, port: 0, apiKey: "given-demo-key-0123456789" });
    const port = Number(new URL(first.proxyUrl).port);
    try {
      expect(first.apiKey).toBe("given-demo-key-0123456789");
      const listed = await fetch(`${first.proxyUrl}/operations`, {
        headers: { "x-api-key": "given-demo-key-0123456789" },
      });
      expect(listed.status).toBe(200);
      // The same port again is taken: the error says what to do instead.
      await expect(startDemo({ continuous: false, port })).rejects.toThrow(
        `port ${port} is in use: pass --port with another port, or --port 0 for a free one`,
      );
    } finally {
      await first.close();
    }
  }, 30_000);
});
