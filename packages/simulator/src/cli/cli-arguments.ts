import { parseArgs } from "node:util";
import { parseScenarioHeader } from "../scenario/parse-scenario.js";
import type { SimulatorOptions } from "../start-simulator.js";

export const usage = `Usage: lro-simulator [--port 4010] [--monitor-port 4011] [--host 127.0.0.1] [--seed 1]
                     [--scenario '{"durationMs": 5000}'] [--no-poll-times] [--version]
Starts a Graph-like upstream for long-running operations. Per request, send the header
x-simulator-scenario: {"durationMs": 2000, "outcome": "failed"} to change one operation.`;

export type CliParseResult =
  { kind: "start"; options: SimulatorOptions } | { kind: "help" } | { kind: "error"; message: string };

function port(name: string, value: string | undefined): number | string {
  if (value === undefined) return 0;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    return `--${name} must be an integer between 0 and 65535 (received ${JSON.stringify(value)})`;
  }
  return parsed;
}

/** Reads the command line; never exits or prints, so it can be tested as a function. */
export function parseCliArguments(argv: readonly string[]): CliParseResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: "string", short: "p" },
        "monitor-port": { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        scenario: { type: "string", short: "s" },
        "no-poll-times": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: `${(error as Error).message}\n${usage}` };
  }
  if (values.help === true) return { kind: "help" };
  const graphPort = port("port", values.port ?? "4010");
  const monitorPort = port("monitor-port", values["monitor-port"]);
  if (typeof graphPort === "string") return { kind: "error", message: graphPort };
  if (typeof monitorPort === "string") return { kind: "error", message: monitorPort };
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed))
    return { kind: "error", message: `--seed must be an integer (received ${values.seed})` };
  const options: SimulatorOptions = {
    port: graphPort,
    monitorPort,
    host: values.host ?? "127.0.0.1",
    seed,
    recordPollTimes: values["no-poll-times"] !== true,
  };
  if (values.scenario !== undefined) {
    const parsed = parseScenarioHeader(values.scenario);
    if (!parsed.success)
      return {
        kind: "error",
        message: parsed.error.message.replace("header x-simulator-scenario", "--scenario"),
      };
    options.defaults = parsed.data;
  }
  return { kind: "start", options };
}
