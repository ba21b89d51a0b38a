import { describe, expect, it } from "vitest";
import { parseCliArguments } from "./cli-arguments.js";

describe("parseCliArguments", () => {
  it("defaults to port 4010 on 127.0.0.1 with a free monitor port", () => {
    expect(parseCliArguments([])).toEqual({
      kind: "start",
      options: { port: 4010, monitorPort: 0, host: "127.0.0.1", seed: 1, recordPollTimes: true },
    });
  });

  it("reads ports, host, seed, scenario defaults and --no-poll-times", () => {
    const parsed = parseCliArguments([
      "--port",
      "0",
      "--monitor-port",
      "4011",
      "--host",
      "0.0.0.0",
      "--seed",
      "9",
      "--scenario",
      '{"durationMs": 5000, "failureRate": 0.1}',
      "--no-poll-times",
    ]);
    expect(parsed).toEqual({
      kind: "start",
      options: {
        port: 0,
        monitorPort: 4011,
        host: "0.0.0.0",
        seed: 9,
        recordPollTimes: false,
        defaults: { durationMs: 5000, failureRate: 0.1 },
      },
    });
  });

  it("explains bad values and unknown flags", () => {
    expect(parseCliArguments(["--port", "70000"])).toEqual({
      kind: "error",
      message: '--port must be an integer between 0 and 65535 (received "70000")',
    });
    expect(parseCliArguments(["--seed", "x"])).toMatchObject({
      kind: "error",
      message: "--seed must be an integer (received x)",
    });
    expect(parseCliArguments(["--scenario", '{"durationMs": -1}'])).toMatchObject({
      kind: "error",
      message: '--scenario is not a valid scenario: "durationMs" must be a number >= 0 (received -1)',
    });
    expect(parseCliArguments(["--colour"])).toMatchObject({
      kind: "error",
      message: expect.stringContaining("Usage: lro-simulator"),
    });
    expect(parseCliArguments(["--help"])).toEqual({ kind: "help" });
  });
});
