import type { AddressInfo } from "node:net";
import express from "express";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders, securityHeadersMiddleware } from "./security-headers.js";

const app = express();
app.get("/helmet", helmet(), (_req, res) => {
  res.json({ ok: true });
});
app.get("/fixed", securityHeadersMiddleware(), (_req, res) => {
  res.json({ ok: true });
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

/** The headers of an answer that helmet (or its fixed copy) decides, i.e. all but the per-answer ones. */
async function headersOf(path: string): Promise<Record<string, string>> {
  const response = await fetch(`${origin}${path}`);
  await response.arrayBuffer();
  const perAnswer = new Set(["date", "etag", "connection", "keep-alive", "content-length", "content-type"]);
  return Object.fromEntries([...response.headers].filter(([name]) => !perAnswer.has(name)));
}

describe("securityHeaders", () => {
  it("answers exactly the headers helmet sets, values included", async () => {
    const fromHelmet = await headersOf("/helmet");
    expect(Object.keys(fromHelmet)).toContain("content-security-policy");
    expect(Object.keys(fromHelmet)).toContain("strict-transport-security");
    expect(await headersOf("/fixed")).toEqual(fromHelmet);
  });

  it("keeps helmet's removal of X-Powered-By", () => {
    expect(securityHeaders().removed).toEqual(["X-Powered-By"]);
  });
});
