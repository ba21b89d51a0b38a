import { createRequire } from "node:module";
import { Agent as Agent8 } from "undici";
import { Agent as Agent7 } from "undici7";
import { createTransport } from "../create-transport.js";
import type { TransportOptions } from "../create-transport.js";
import type { Transport } from "../transport.js";

const require = createRequire(import.meta.url);

/** The major version of the undici copy a dependency name resolves to (`undici` is 8, `undici7` is 7). */
export function undiciMajor(name: "undici" | "undici7"): number {
  const { version } = require(`${name}/package.json`) as { version: string };
  return Number(version.split(".")[0]);
}

export type TransportVariant = [name: string, make: (options?: TransportOptions) => Transport];

/**
 * Every way the poller speaks HTTP on Node: the default (undici 8's keep-alive Agent), an undici 7 Agent
 * and an undici 8 Agent given as `dispatcher`, and the global fetch.
 */
export function transportVariants(requestTimeout: number): TransportVariant[] {
  const timeouts = { headersTimeout: requestTimeout, bodyTimeout: requestTimeout };
  return [
    ["default (undici 8 keep-alive pool)", (options) => createTransport({ requestTimeout, ...options })],
    [
      "undici 7 Agent",
      (options) =>
        createTransport({ dispatcher: new Agent7({ keepAliveTimeout: 30_000, ...timeouts }), ...options }),
    ],
    [
      "undici 8 Agent",
      (options) =>
        createTransport({ dispatcher: new Agent8({ keepAliveTimeout: 30_000, ...timeouts }), ...options }),
    ],
    ["fetch", (options) => createTransport({ fetch: globalThis.fetch, requestTimeout, ...options })],
  ];
}
