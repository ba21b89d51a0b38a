import { ProxyResponseError } from "@lro/client";
import { describe, expect, it } from "vitest";
import { UsageError } from "../cli/arguments.js";
import { CollectTimeoutError, SourceUnavailableError } from "../output/collect-operations.js";
import { describeFailure, ProxyTimeoutError } from "../sources/proxy-errors.js";
import { TuiError } from "./tui-error.js";

const samples = [
  [UsageError, new UsageError("bad flag"), "invalidUsage"],
  [SourceUnavailableError, new SourceUnavailableError("refused"), "sourceUnavailable"],
  [CollectTimeoutError, new CollectTimeoutError(1000, undefined), "collectTimeout"],
  [ProxyTimeoutError, new ProxyTimeoutError("http://127.0.0.1:1/operations", 1000), "proxyTimeout"],
] as const;

describe("lro-tui's error classes", () => {
  it.each(samples)("%o has a camelCase code, its stable name and isInstance", (errorClass, error, code) => {
    expect(error.code).toBe(code);
    expect(error.code).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(error.name).toBe(errorClass.name);
    expect(errorClass.isInstance(error)).toBe(true);
    expect(TuiError.isInstance(error)).toBe(true);
    for (const [other] of samples) if (other !== errorClass) expect(other.isInstance(error)).toBe(false);
  });

  it("recognise an error of a duplicated class by its marker, and not a look-alike code", () => {
    class DuplicatedUsageError extends Error {
      readonly code = "invalidUsage";
      constructor() {
        super("from another copy");
        Object.defineProperty(this, Symbol.for("lro.error.UsageError"), { value: true });
      }
    }
    expect(UsageError.isInstance(new DuplicatedUsageError())).toBe(true);
    expect(UsageError.isInstance(Object.assign(new Error("x"), { code: "invalidUsage" }))).toBe(false);
  });

  it("know @lro/client's ProxyResponseError by its class marker without importing the client", () => {
    const answer = new ProxyResponseError("http://127.0.0.1:1/operations", 401, "bad key");
    expect(describeFailure(answer)).toBe("the proxy answered 401: bad key (http://127.0.0.1:1/operations)");
    const lookalike = Object.assign(new Error("plain"), {
      code: "proxyResponse",
      status: 401,
      detail: "",
      url: "",
    });
    expect(describeFailure(lookalike)).toBe("plain");
  });
});
