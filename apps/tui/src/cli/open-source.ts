import type { OperationSource } from "../sources/operation-source.js";
import { createCoreSource } from "../sources/core-source.js";
import { createProxySource } from "../sources/proxy-source.js";
import type { CliOptions } from "./arguments.js";

export interface SourceSession {
  source: OperationSource;
  /** The proxy a second client may call while the dashboard runs, named in the header when asked for. */
  endpoint?: { proxyUrl: string; apiKey: string };
  close(): Promise<void>;
}

/** The source the command asks for. */
export async function openSource(
  options: Exclude<CliOptions, { command: "help" }>,
  context: { showProxyInHeader: boolean },
): Promise<SourceSession> {
  switch (options.command) {
    case "proxy": {
      const { proxyUrl, apiKey } = options;
      return {
        source: createProxySource({ proxyUrl, apiKey, requestTimeoutMs: options.requestTimeoutMs }),
        ...(context.showProxyInHeader
          ? { endpoint: { proxyUrl: proxyUrl.href.replace(/\/$/, ""), apiKey } }
          : {}),
        close: async () => {},
      };
    }
    case "watch":
      return {
        source: createCoreSource({
          monitorUrls: options.monitorUrls,
          token: options.token,
          tokenOrigins: options.tokenOrigins,
        }),
        close: async () => {},
      };
  }
}
