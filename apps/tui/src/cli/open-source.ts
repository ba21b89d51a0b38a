import type { OperationSource } from "../sources/operation-source.js";
import { createCoreSource } from "../sources/core-source.js";
import { createProxySource } from "../sources/proxy-source.js";
import type { CliOptions } from "./arguments.js";

export interface SourceSession {
  source: OperationSource;
  /** The proxy a second client may call while the dashboard runs (the demo's). */
  endpoint?: { proxyUrl: string; apiKey: string };
  close(): Promise<void>;
}

const demoUnavailable =
  "lro-tui demo runs a simulator and a proxy in-process and needs @lro/simulator and lro-proxy installed: " +
  "run it from the lro repository (pnpm install && pnpm --filter lro-tui demo).";

/** The source the command asks for; the demo also starts (and on close stops) its servers. */
export async function openSource(
  options: Exclude<CliOptions, { command: "help" }>,
  context: { interactive: boolean },
): Promise<SourceSession> {
  switch (options.command) {
    case "proxy":
      return {
        source: createProxySource({ proxyUrl: options.proxyUrl, apiKey: options.apiKey }),
        close: async () => {},
      };
    case "watch":
      return {
        source: createCoreSource({
          monitorUrls: options.monitorUrls,
          token: options.token,
          tokenOrigins: options.tokenOrigins,
        }),
        close: async () => {},
      };
    case "demo": {
      // Loaded only for the demo: the published dashboard does not need the simulator or the proxy.
      const demo = await import("../demo/start-demo.js").catch((error: unknown) => {
        throw new Error(demoUnavailable, { cause: error });
      });
      const session = await demo.startDemo({
        continuous: context.interactive,
        port: options.port,
        apiKey: options.apiKey,
      });
      return { ...session, endpoint: { proxyUrl: session.proxyUrl, apiKey: session.apiKey } };
    }
  }
}
