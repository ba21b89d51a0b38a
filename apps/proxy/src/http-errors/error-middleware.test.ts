import { OperationValidationError } from "@lro/core";
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "./authentication-error.js";
import { EgressDeniedError } from "./egress-denied-error.js";
import { describeError } from "./error-middleware.js";
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
    const answer = describeError(error);
    expect(answer).toMatchObject({ status, code, message: error.message });
    expect(answer.details).toBe(error.innerError);
  });

  it("maps @lro/core's errors by their code", () => {
    const error = new OperationValidationError([]);
    expect(describeError(error)).toMatchObject({ status: 502, code: "operation_validation" });
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
