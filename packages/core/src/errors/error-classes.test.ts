import { describe, expect, it, vi } from "vitest";
import * as core from "../index.js";
import type { Operation } from "../models/operation.js";
import { LroError } from "./lro-error.js";
import { PollTimeoutError } from "./poll-timeout-error.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/operations/1";
const failed = { kind: "richLongRunningOperation", rawStatus: "failed", error: { code: "x", message: "y" } };

/** One instance of every error class @lro/core exports, by class name. */
const samples: Record<string, () => LroError> = {
  InvalidResumeTokenError: () => new core.InvalidResumeTokenError(["not a token"]),
  MissingMonitorError: () => new core.MissingMonitorError({ requestUrl: monitorUrl, httpStatus: 202 }),
  MonitorAuthorizationError: () =>
    new core.MonitorAuthorizationError({ monitorUrl, httpStatus: 401, authorizationSent: true }),
  OperationFailedError: () => new core.OperationFailedError(failed as unknown as Operation),
  OperationNotFoundError: () => new core.OperationNotFoundError({ monitorUrl, httpStatus: 404 }),
  OperationValidationError: () => new core.OperationValidationError([]),
  PollTimeoutError: () => new core.PollTimeoutError({ monitorUrl, deadline: 0 }),
  ResponseTooLargeError: () =>
    new core.ResponseTooLargeError({ url: monitorUrl, method: "GET", maxBytes: 10, receivedBytes: 11 }),
  TransportError: () => new core.TransportError({ url: monitorUrl, method: "GET" }),
  UpstreamHttpError: () => new core.UpstreamHttpError({ url: monitorUrl, httpStatus: 500, transient: true }),
};

type ErrorClass = { name: string; prototype: unknown; isInstance(value: unknown): boolean };

const exportedErrorClasses = Object.entries(core as Record<string, unknown>).filter(
  (entry): entry is [string, ErrorClass] =>
    typeof entry[1] === "function" &&
    (entry[1] === LroError || (entry[1] as { prototype: unknown }).prototype instanceof LroError),
);

describe("@lro/core's error classes", () => {
  it("are all covered here, so a new class cannot skip the convention", () => {
    const concrete = exportedErrorClasses.map(([name]) => name).filter((name) => name !== "LroError");
    expect(concrete.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(Object.entries(samples))(
    "%s has a camelCase code, its stable name and isInstance",
    (name, make) => {
      const error = make();
      expect(error.code).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(error.name).toBe(name);
      const own = exportedErrorClasses.find(([exported]) => exported === name)?.[1];
      expect(own?.isInstance(error)).toBe(true);
      expect(LroError.isInstance(error)).toBe(true);
      for (const [other, otherClass] of exportedErrorClasses) {
        if (other !== name && other !== "LroError") expect(otherClass.isInstance(error)).toBe(false);
      }
    },
  );

  it("keeps the codes users match on", () => {
    expect(Object.fromEntries(Object.entries(samples).map(([name, make]) => [name, make().code]))).toEqual({
      InvalidResumeTokenError: "invalidResumeToken",
      MissingMonitorError: "missingMonitor",
      MonitorAuthorizationError: "monitorAuthorization",
      OperationFailedError: "operationFailed",
      OperationNotFoundError: "operationNotFound",
      OperationValidationError: "operationValidation",
      PollTimeoutError: "pollTimeout",
      ResponseTooLargeError: "responseTooLarge",
      TransportError: "transport",
      UpstreamHttpError: "upstreamHttp",
    });
  });

  it("recognise an error made by a second copy of the package, which instanceof does not", async () => {
    vi.resetModules();
    const copy = await import("./poll-timeout-error.js");
    expect(copy.PollTimeoutError).not.toBe(PollTimeoutError);
    const fromCopy = new copy.PollTimeoutError({ monitorUrl, deadline: 0 });
    expect(fromCopy instanceof PollTimeoutError).toBe(false);
    expect(PollTimeoutError.isInstance(fromCopy)).toBe(true);
    expect(LroError.isInstance(fromCopy)).toBe(true);
    expect(copy.PollTimeoutError.isInstance(new PollTimeoutError({ monitorUrl, deadline: 0 }))).toBe(true);
    expect(core.TransportError.isInstance(fromCopy)).toBe(false);
  });

  it("recognise a class by its marker, not by its code or name", () => {
    class DuplicatedPollTimeoutError extends Error {
      readonly code = "pollTimeout";
      constructor() {
        super("from a duplicated class");
        Object.defineProperty(this, Symbol.for("lro.error.PollTimeoutError"), { value: true });
      }
    }
    expect(PollTimeoutError.isInstance(new DuplicatedPollTimeoutError())).toBe(true);
    const lookalike = Object.assign(new Error("same code, no marker"), {
      name: "PollTimeoutError",
      code: "pollTimeout",
    });
    expect(PollTimeoutError.isInstance(lookalike)).toBe(false);
    expect(LroError.isInstance(lookalike)).toBe(false);
    expect(PollTimeoutError.isInstance(null)).toBe(false);
    expect(PollTimeoutError.isInstance("pollTimeout")).toBe(false);
  });

  it("marks instances without changing what JSON or a log sees", () => {
    const error = samples.TransportError!();
    expect(Object.keys(error)).not.toContain(Symbol.for("lro.error.TransportError"));
    expect(Object.getOwnPropertySymbols(error)).toContain(Symbol.for("lro.error.TransportError"));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: "transport" });
  });
});
