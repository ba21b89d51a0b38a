import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../start-simulator.js";
import type { Simulator } from "../start-simulator.js";

const page = "http://app.example:5173";
let simulator: Simulator;
let closed: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ defaults: { durationMs: 200 } });
  closed = await startSimulator({ cors: false });
});
afterAll(async () => {
  await Promise.all([simulator.close(), closed.close()]);
});

describe("CORS", () => {
  it("answers a preflight on both origins with the method and headers asked for", async () => {
    for (const origin of [simulator.url, simulator.monitorUrl]) {
      const preflight = await fetch(`${origin}/v1.0/print/printers/create`, {
        method: "OPTIONS",
        headers: {
          origin: page,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type,x-simulator-scenario",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(page);
      expect(preflight.headers.get("access-control-allow-methods")).toBe("POST");
      expect(preflight.headers.get("access-control-allow-headers")).toBe(
        "authorization,content-type,x-simulator-scenario",
      );
    }
  });

  it("lets a page read the monitor's Location and Retry-After, and the monitor's answer", async () => {
    const started = await fetch(`${simulator.url}/v1.0/print/printers/create`, {
      method: "POST",
      headers: { origin: page, "content-type": "application/json" },
      body: "{}",
    });
    expect(started.status).toBe(202);
    expect(started.headers.get("access-control-allow-origin")).toBe(page);
    const exposed = started.headers.get("access-control-expose-headers")!.split(", ");
    expect(exposed).toEqual(expect.arrayContaining(["Location", "Operation-Location", "Retry-After"]));
    const monitor = await fetch(new URL(started.headers.get("location")!, simulator.url), {
      headers: { origin: page },
    });
    expect(monitor.headers.get("access-control-allow-origin")).toBe(page);
    expect(monitor.headers.get("vary")).toMatch(/Origin/);
  });

  it("sends no CORS header without an Origin, nor with cors: false", async () => {
    const plain = await fetch(`${simulator.url}/v1.0/print/printers/create`, { method: "POST", body: "{}" });
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    const off = await fetch(`${closed.url}/v1.0/print/printers/create`, {
      method: "POST",
      headers: { origin: page },
      body: "{}",
    });
    expect(off.headers.get("access-control-allow-origin")).toBeNull();
    expect(off.status).toBe(202);
  });
});
