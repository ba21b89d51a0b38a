import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { describeFailure } from "../sources/proxy-errors.js";
import { terminalText } from "../format/terminal-text.js";
import type { CliOptions, Environment } from "./arguments.js";
import { UsageError, parseArguments } from "./arguments.js";
import type { CliStreams } from "./streams.js";

/** Whether to draw the dashboard: both ends are a terminal, and no --once, --wait or --json. */
export function isInteractive(options: CliOptions, streams: CliStreams): boolean {
  const { once, wait, json } = options.output;
  return streams.stdout.isTTY === true && streams.stdin.isTTY === true && !once && !wait && !json;
}

export interface MainOptions {
  /**
   * Name the proxy and its API key in the dashboard's header, for a second client to call while it runs.
   * For a proxy started for the occasion (lro-demo's); never for a user's own proxy, whose key is a secret.
   */
  showProxyInHeader?: boolean;
  /**
   * Called once the command is known to draw the dashboard, before the source is opened: the binary
   * restarts itself there on a heap sized for the dashboard (see `restartWithDashboardHeap`).
   */
  beforeDashboard?: () => void;
}

/**
 * The whole command: arguments, source, dashboard or plain output. Resolves with the exit status.
 * Only what the command needs is loaded: `--help` and bad arguments never load @lro/core, React or Ink.
 */
export async function main(
  argv: readonly string[],
  environment: Environment,
  streams: CliStreams,
  mainOptions: MainOptions = {},
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv, environment);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.stderr.write(`${error.message}\n`);
    return 2;
  }
  const translate = createTranslator(catalogs[options.language]);
  if (options.command === "help") {
    streams.stdout.write(`${translate("usage.text")}\n`);
    return 0;
  }
  const interactive = isInteractive(options, streams);
  if (interactive) mainOptions.beforeDashboard?.();
  const { openSource } = await import("./open-source.js");
  let session: Awaited<ReturnType<typeof openSource>> | undefined;
  try {
    session = await openSource(options, { showProxyInHeader: mainOptions.showProxyInHeader === true });
    if (!interactive) {
      const { printOperations } = await import("./print-operations.js");
      return await printOperations(
        session.source,
        options.output,
        (text) => streams.stdout.write(text),
        translate,
        (text) => streams.stderr.write(text),
      );
    }
    const { runDashboard } = await import("./run-dashboard.js");
    return await runDashboard(session.source, { translate, color: options.color }, streams, {
      endpoint: session.endpoint,
      mouse: options.mouse,
    });
  } catch (error) {
    const message = terminalText(describeFailure(error));
    streams.stderr.write(`${translate("error.sourceFailed", { message })}\n`);
    return 1;
  } finally {
    await session?.close();
  }
}
