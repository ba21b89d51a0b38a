import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrlForLog } from "./logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), text: () => lines.join("") };
}

describe("createLogger", () => {
  it("censors credentials wherever a record carries them", () => {
    const { logger, text } = capture();
    logger.info({
      authorization: "Bearer graph-secret",
      headers: {
        authorization: "Bearer nested-secret",
        "x-api-key": "key-secret",
        cookie: "session=cookie-secret",
      },
      input: { token: "token-secret", apiKey: "api-secret", "proxy-authorization": "Bearer jwt-secret" },
    });
    for (const secret of [
      "graph-secret",
      "nested-secret",
      "key-secret",
      "cookie-secret",
      "token-secret",
      "api-secret",
      "jwt-secret",
    ]) {
      expect(text()).not.toContain(secret);
    }
    expect(text()).toContain("[redacted]");
  });

  it("hides the tokens in the query of any address an error carries, nested ones included", () => {
    const { logger, text } = capture();
    const monitor = "https://contoso.sharepoint.com/_api/monitor?tempauth=monitor-secret&id=7";
    const error = Object.assign(new Error(`Cannot follow ${monitor}`), {
      innerError: { upstreamLocation: monitor, details: [{ target: `${monitor}&sig=sig-secret` }] },
    });
    logger.error({ err: error }, "request failed");
    expect(text()).not.toContain("monitor-secret");
    expect(text()).not.toContain("sig-secret");
    expect(text()).toContain("https://contoso.sharepoint.com/_api/monitor?tempauth=%5Bredacted%5D&id=7");
    expect(JSON.parse(text())).toMatchObject({ err: { type: "Error", message: expect.any(String) } });
  });
});

describe("redactUrlForLog", () => {
  it("hides the values of secret-looking query parameters and keeps the rest", () => {
    expect(redactUrlForLog("/v1.0/monitor?tempauth=abc&$top=5&sig=xyz&access_token=t")).toBe(
      "/v1.0/monitor?tempauth=%5Bredacted%5D&%24top=5&sig=%5Bredacted%5D&access_token=%5Bredacted%5D",
    );
    expect(redactUrlForLog("/v1.0/me")).toBe("/v1.0/me");
  });
});
