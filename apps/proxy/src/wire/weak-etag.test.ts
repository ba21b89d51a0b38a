import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weakEtag } from "./weak-etag.js";

const app = express();
app.use(express.text({ type: "*/*" }));
app.post("/echo", (req, res) => {
  res.send(String(req.body));
});
let origin = "";
let server: ReturnType<typeof app.listen>;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("weakEtag", () => {
  it("is the ETag Express answers by default", async () => {
    const bodies = ["x", '{"id":"a","status":"running"}', "é€😀 unicode", "long ".repeat(400)];
    for (const body of bodies) {
      const response = await fetch(`${origin}/echo`, { method: "POST", body });
      await response.arrayBuffer();
      expect(weakEtag(body, "utf8")).toBe(response.headers.get("etag"));
      expect(weakEtag(Buffer.from(body, "utf8"))).toBe(response.headers.get("etag"));
    }
  });

  it("tells bodies apart", () => {
    expect(weakEtag('{"version":1}')).not.toBe(weakEtag('{"version":2}'));
  });
});
