import {
  InvalidResumeTokenError,
  MissingMonitorError,
  MonitorAuthorizationError,
  OperationNotFoundError,
  OperationValidationError,
  PollTimeoutError,
  ResponseTooLargeError,
  TransportError,
  UpstreamHttpError,
} from "@lro/core";
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "./authentication-error.js";
import { EgressDeniedError } from "./egress-denied-error.js";
import { describeError } from "./error-middleware.js";
import { statusByErrorClass } from "./error-status.js";
import { RateLimitedError, TooManyOperationsError } from "./limit-errors.js";
import { BadRequestError, NotFoundError, PayloadTooLargeError } from "./request-errors.js";
import { UpstreamTimeoutError, UpstreamUnavailableError } from "./upstream-errors.js";

describe("describeError", () => {
  it.each([
    [new BadRequestError("bad"), 400, "invalidRequest"],
    [new AuthenticationError("who"), 401, "unauthenticated"],
    [new EgressDeniedError("https://a.example", "off the list"), 403, "egressDenied"],
    [new NotFoundError("none"), 404, "itemNotFound"],
    [new PayloadTooLargeError(10), 413, "payloadTooLarge"],
    [new RateLimitedError(3, 10, 60_000), 429, "tooManyRequests"],
    [new TooManyOperationsError(5), 429, "tooManyOperations"],
    [new UpstreamUnavailableError("down"), 502, "badGateway"],
    [new UpstreamTimeoutError("slow"), 504, "gatewayTimeout"],
  ])("maps %s to %i %s with its structured fields", (error, status, code) => {
    expect(code).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    const answer = describeError(error);
    expect(answer).toMatchObject({ status, code, message: error.message });
    expect(answer.details).toBe(error.innerError);
  });

  const monitorUrl = "https://graph.microsoft.com/v1.0/operations/1";
  it.each([
    [new InvalidResumeTokenError(["bad"]), 400, "invalidResumeToken"],
    [
      new MonitorAuthorizationError({ monitorUrl, httpStatus: 403, authorizationSent: true }),
      403,
      "monitorAuthorization",
    ],
    [new OperationNotFoundError({ monitorUrl, httpStatus: 404 }), 404, "operationNotFound"],
    [new OperationValidationError([]), 502, "operationValidation"],
    [new MissingMonitorError({ requestUrl: monitorUrl, httpStatus: 202 }), 502, "missingMonitor"],
    [new UpstreamHttpError({ url: monitorUrl, httpStatus: 500, transient: true }), 502, "upstreamHttp"],
    [new TransportError({ url: monitorUrl, method: "GET" }), 502, "transport"],
    [
      new ResponseTooLargeError({ url: monitorUrl, method: "GET", maxBytes: 1, receivedBytes: 2 }),
      502,
      "responseTooLarge",
    ],
    [new PollTimeoutError({ monitorUrl, deadline: 0 }), 504, "pollTimeout"],
  ])("maps @lro/core's %s by its class to %i %s", (error, status, code) => {
    expect(describeError(error)).toMatchObject({ status, code, message: error.message, details: {} });
  });

  it("maps an error of another copy of @lro/core by its class marker, and a look-alike code not at all", () => {
    class CopiedOperationNotFoundError extends Error {
      readonly code = "operationNotFound";
      constructor() {
        super("made by a second copy of @lro/core");
        for (const name of ["LroError", "OperationNotFoundError"]) {
          Object.defineProperty(this, Symbol.for(`lro.error.${name}`), { value: true });
        }
      }
    }
    expect(describeError(new CopiedOperationNotFoundError())).toMatchObject({
      status: 404,
      code: "operationNotFound",
    });
    const lookalike = Object.assign(new Error("a code string alone"), { code: "operationNotFound" });
    expect(describeError(lookalike)).toMatchObject({ status: 500, code: "generalException" });
  });

  it("lists each error class once", () => {
    for (const { errorClass } of statusByErrorClass) {
      expect(errorClass.name).toMatch(/Error$/);
    }
    expect(new Set(statusByErrorClass.map(({ errorClass }) => errorClass)).size).toBe(
      statusByErrorClass.length,
    );
  });

  it("maps the body parsers' errors by their type", () => {
    const tooLarge = Object.assign(new Error("request entity too large"), {
      type: "entity.too.large",
      status: 413,
    });
    expect(describeError(tooLarge)).toMatchObject({ status: 413, code: "payloadTooLarge" });
    const malformed = Object.assign(new Error("Unexpected token"), {
      type: "entity.parse.failed",
      status: 400,
    });
    expect(describeError(malformed)).toMatchObject({ status: 400, code: "invalidRequest" });
  });

  it("answers anything else with a 500 that tells nothing of the failure", () => {
    const answer = describeError(new Error("connection string postgres://user:secret@db failed"));
    expect(answer).toEqual({
      status: 500,
      code: "generalException",
      message: "The proxy failed to answer this request.",
      details: {},
    });
  });
});
