import { parseArgs } from "node:util";
import { isErrorClass, LroError } from "@lro/core";

/** The demo's proxy listens here by default, with this key, so the README's curl session works as written. */
export const demoPort = 8080;
export const demoApiKey = "lro-demo-key-0123456789abcdef";

export const demoUsage = `Usage: lro-demo [options]

Starts @lro/simulator as Graph, lro-proxy in front of it and a mix of operations, then shows them with lro-tui.

Options:
  --port PORT     the proxy's port (default ${demoPort}; 0 picks a free one)
  --api-key KEY   the proxy's API key (default ${demoApiKey})
  --once          no dashboard: print the operations once and exit
  --wait          no dashboard: wait until every operation has finished, then print
  --json          no dashboard: print NDJSON, one operation a line
  --lang LANG     the dashboard's language: en, ru, es or zh-CN
  -h, --help      this help`;

export type DemoArguments =
  | { help: true }
  | {
      help: false;
      port: number;
      apiKey: string;
      /** Whether the dashboard is drawn (no --once, --wait or --json), given a terminal on both ends. */
      dashboard: boolean;
      /** Arguments for lro-tui: its output and language flags, as given. */
      dashboardArguments: string[];
    };

/** Bad arguments: the message says what was wrong and what to pass instead. Exit status 2. */
export class DemoUsageError extends LroError {
  readonly code = "invalidUsage";

  constructor(message: string) {
    super(message);
  }

  static override isInstance = isErrorClass<DemoUsageError>("DemoUsageError");
}

/** Reads the demo's own options (port, key) and keeps the dashboard's for lro-tui. */
export function parseDemoArguments(argv: readonly string[]): DemoArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        port: { type: "string" },
        "api-key": { type: "string" },
        once: { type: "boolean", default: false },
        wait: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        lang: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new DemoUsageError(`${(error as Error).message}. Run lro-demo --help for the usage.`);
  }
  if (values.help) return { help: true };
  const portText = values.port ?? String(demoPort);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new DemoUsageError(
      `--port ${portText} is not a port; pass a whole number from 0 to 65535 (0 picks a free one).`,
    );
  }
  const apiKey = values["api-key"] ?? demoApiKey;
  const dashboardArguments = [
    ...(values.once ? ["--once"] : []),
    ...(values.wait ? ["--wait"] : []),
    ...(values.json ? ["--json"] : []),
    ...(values.lang === undefined ? [] : ["--lang", values.lang]),
  ];
  const dashboard = !values.once && !values.wait && !values.json;
  return { help: false, port, apiKey, dashboard, dashboardArguments };
}
