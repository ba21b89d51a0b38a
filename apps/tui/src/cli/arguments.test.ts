import { describe, expect, it } from "vitest";
import { UsageError, parseArguments } from "./arguments.js";

describe("parseArguments", () => {
  it("reads proxy mode with the key from --api-key or LRO_API_KEY", () => {
    expect(parseArguments(["--proxy", "http://127.0.0.1:8080", "--api-key", "k1"], {})).toMatchObject({
      command: "proxy",
      proxyUrl: new URL("http://127.0.0.1:8080"),
      apiKey: "k1",
    });
    expect(parseArguments(["--proxy", "http://127.0.0.1:8080"], { LRO_API_KEY: "k2" })).toMatchObject({
      apiKey: "k2",
    });
  });

  it("refuses proxy mode without a key, naming both ways to give one", () => {
    expect(() => parseArguments(["--proxy", "http://127.0.0.1:8080"], {})).toThrow(
      "--proxy needs an API key: pass --api-key KEY or set LRO_API_KEY.",
    );
  });

  it("reads watch mode with monitors and the token from --token or GRAPH_TOKEN", () => {
    const options = parseArguments(["watch", "https://graph.microsoft.com/v1.0/a", "http://127.0.0.1/b"], {
      GRAPH_TOKEN: "secret",
    });
    expect(options).toMatchObject({
      command: "watch",
      monitorUrls: ["https://graph.microsoft.com/v1.0/a", "http://127.0.0.1/b"],
      token: "secret",
    });
    expect(parseArguments(["watch", "http://x/m", "--token", "t"], { GRAPH_TOKEN: "other" })).toMatchObject({
      token: "t",
      tokenOrigins: ["https://graph.microsoft.com"],
    });
    const trusting = [
      "watch",
      "http://x/m",
      "--token-origin",
      "https://graph.microsoft.us/v1.0",
      "--token-origin",
      "http://127.0.0.1:4010",
    ];
    expect(parseArguments(trusting, {})).toMatchObject({
      tokenOrigins: ["https://graph.microsoft.com", "https://graph.microsoft.us", "http://127.0.0.1:4010"],
    });
  });

  it("rejects monitors that are not absolute http(s) URLs", () => {
    expect(() => parseArguments(["watch", "ftp://x/m"], {})).toThrow(UsageError);
    expect(() => parseArguments(["watch", "/teams('1')/operations('2')"], {})).toThrow(
      "/teams('1')/operations('2') is not an absolute http(s) URL",
    );
  });

  it("says a bad --proxy address is one, with a proxy's address as the example, before asking for a key", () => {
    expect(() => parseArguments(["--proxy", "localhost:8080"], {})).toThrow(
      "--proxy localhost:8080 is not an absolute http(s) URL; pass the proxy's address, like http://127.0.0.1:8080",
    );
  });

  it("reads the output flags, NO_COLOR and the language", () => {
    const proxy = ["--proxy", "http://127.0.0.1:8080", "--api-key", "k"];
    const options = parseArguments([...proxy, "--once", "--json", "--wait", "--lang", "zh-CN"], {
      NO_COLOR: "1",
    });
    expect(options).toMatchObject({
      command: "proxy",
      output: { once: true, json: true, wait: true },
      language: "zh-CN",
      color: false,
    });
    expect(parseArguments(proxy, { LANG: "ru_RU.UTF-8" })).toMatchObject({ language: "ru", color: true });
  });

  it("has no demo command: the demo is its own package, lro-demo", () => {
    expect(() => parseArguments(["demo"], {})).toThrow('Unknown command "demo"');
    expect(() => parseArguments(["--proxy", "http://127.0.0.1:8080", "--port", "1"], {})).toThrow(
      "Unknown option '--port'",
    );
  });

  it("explains bad arguments in the user's language", () => {
    expect(() => parseArguments(["--lang", "fr"], {})).toThrow(
      "--lang fr is not supported; use one of: en, ru, es, zh-CN.",
    );
    expect(() => parseArguments([], { LANG: "es_ES.UTF-8" })).toThrow("Nada que mostrar");
    expect(() => parseArguments(["--bogus"], {})).toThrow(/Unknown option '--bogus'.*lro-tui --help/);
  });
});
