import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parseConfig } from "../../config.js";
import { createLogger } from "../../observability/logger.js";
import { startProxy, type RunningProxy, type StartProxyOptions } from "../start-proxy.js";

export const testApiKey = "test-key-0123456789abcdef0123456789";

/** `startTestProxy`'s options for a tracker paced for tests: operations of a few hundred ms end in a few polls. */
export const fastTracker = {
  tracker: { pollOptions: { interval: 40, minInterval: 5, maxDelay: 400, retryDelay: 20 } },
} satisfies StartProxyOptions;

export interface TestProxy extends RunningProxy {
  /** Every log line written so far. */
  logs(): string;
  dataDir: string;
}

/**
 * A real proxy on 127.0.0.1:0 in front of `upstream`, with a temporary data directory, one API key,
 * every 127.0.0.1 port allowed for egress, and its logs captured.
 */
export async function startTestProxy(
  upstream: string,
  argv: string[] = [],
  options: StartProxyOptions = {},
): Promise<TestProxy> {
  const dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-test-"));
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const config = parseConfig({
    argv: [
      "--upstream",
      upstream,
      "--port",
      "0",
      "--data-dir",
      dataDir,
      "--api-key",
      testApiKey,
      "--allow-origin",
      "http://127.0.0.1:*",
      "--shutdown-timeout",
      "2s",
      ...argv,
    ],
  });
  const proxy = await startProxy(config, {
    logger: createLogger({ level: "debug", destination }),
    ...options,
  });
  return {
    ...proxy,
    dataDir,
    logs: () => lines.join(""),
    async close() {
      await proxy.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: Buffer;
  json<T = unknown>(): T;
}

/** A request through node:http, which (unlike fetch) sends any header it is given, hop-by-hop ones included. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string | Iterable<Buffer> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaderNames: response.rawHeaders
              .filter((_value, index) => index % 2 === 0)
              .map((name) => name.toLowerCase()),
            body,
            json: <T>() => JSON.parse(body.toString()) as T,
          });
        });
      },
    );
    request.on("error", reject);
    const { body } = options;
    if (body === undefined) request.end();
    else if (typeof body === "string" || Buffer.isBuffer(body)) request.end(body);
    else {
      for (const chunk of body) request.write(chunk);
      request.end();
    }
  });
}
