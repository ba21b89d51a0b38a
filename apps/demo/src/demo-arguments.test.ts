import { describe, expect, it } from "vitest";
import { parseDemoArguments } from "./demo-arguments.js";

describe("parseDemoArguments", () => {
  it("runs the proxy on 8080 with the documented key and draws the dashboard unless told otherwise", () => {
    expect(parseDemoArguments([])).toEqual({
      help: false,
      port: 8080,
      apiKey: "lro-demo-key-0123456789abcdef",
      dashboard: true,
      dashboardArguments: [],
    });
    expect(parseDemoArguments(["--port", "0", "--api-key", "my-key-0123456789abc"])).toMatchObject({
      port: 0,
      apiKey: "my-key-0123456789abc",
    });
  });

  it("hands the output and language flags to lro-tui", () => {
    expect(parseDemoArguments(["--wait", "--json", "--lang", "ru"])).toMatchObject({
      dashboard: false,
      dashboardArguments: ["--wait", "--json", "--lang", "ru"],
    });
    expect(parseDemoArguments(["--once"])).toMatchObject({
      dashboard: false,
      dashboardArguments: ["--once"],
    });
  });

  it.each(["-1", "65536", "80a", "1.5", ""])("refuses --port %j with what to pass instead", (port) => {
    expect(() => parseDemoArguments([`--port=${port}`])).toThrow(
      `--port ${port} is not a port; pass a whole number from 0 to 65535 (0 picks a free one).`,
    );
  });
});
