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
});

describe("redactUrlForLog", () => {
  it("hides the values of secret-looking query parameters and keeps the rest", () => {
    expect(redactUrlForLog("/v1.0/monitor?tempauth=abc&$top=5&sig=xyz&access_token=t")).toBe(
      "/v1.0/monitor?tempauth=%5Bredacted%5D&%24top=5&sig=%5Bredacted%5D&access_token=%5Bredacted%5D",
    );
    expect(redactUrlForLog("/v1.0/me")).toBe("/v1.0/me");
  });
});
