import express from "express";
import type { AddressInfo } from "node:net";
import { processCpuMs, serveQuestions } from "../processes/server-process.js";

/** The baseline: a plain Express 5 hello world answering JSON, on 127.0.0.1, in its own process. */
const app = express();
app.disable("x-powered-by");
app.get("/hello", (_req, res) => {
  res.json({ hello: "world" });
});
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
serveQuestions({ cpu: processCpuMs }, () => new Promise<void>((resolve) => server.close(() => resolve())));
