import { OperationFailedError } from "@lro/core";
import { startSimulator } from "@lro/simulator";
import type { Simulator } from "@lro/simulator";
import {
  AllowedHostsValidator,
  BaseBearerTokenAuthenticationProvider,
  HttpMethod,
  RequestInformation,
} from "@microsoft/kiota-abstractions";
import type { AccessTokenProvider } from "@microsoft/kiota-abstractions";
import { FetchRequestAdapter, KiotaClientFactory } from "@microsoft/kiota-http-fetchlibrary";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitOperation } from "./await-operation-option.js";
import type { AwaitOperationOption } from "./await-operation-option.js";
import { kiotaMiddleware } from "./kiota-middleware.js";
import { recordingTransport } from "./test-support/recording-transport.js";

let simulator: Simulator;
let adapter: FetchRequestAdapter;
const asked: string[] = [];
const fast = { minInterval: 20, interval: 50 };

beforeAll(async () => {
  simulator = await startSimulator({ defaults: { durationMs: 400, retryAfterSeconds: 0 } });
  // The SDK's own token provider: a token for its allowed hosts only. Kiota's validator compares host
  // names without ports, so it would also allow the simulator's monitor origin: @lro/core's origin rule
  // is what keeps the token from that one.
  const validator = new AllowedHostsValidator(new Set([new URL(simulator.url).hostname]));
  const tokens: AccessTokenProvider = {
    getAuthorizationToken: async (url) => {
      asked.push(url ?? "");
      return url !== undefined && validator.isUrlHostValid(url) ? "kiota-token" : "";
    },
    getAllowedHostsValidator: () => validator,
  };
  const httpClient = KiotaClientFactory.create(undefined, kiotaMiddleware(tokens));
  adapter = new FetchRequestAdapter(
    new BaseBearerTokenAuthenticationProvider(tokens),
    undefined,
    undefined,
    httpClient,
  );
  adapter.baseUrl = simulator.url;
});
afterAll(() => simulator.close());

/** A POST as a Kiota request builder makes it, with the scenario header and the request's options. */
function post(path: string, body: object, option: AwaitOperationOption, scenario: object = {}) {
  const request = new RequestInformation(HttpMethod.POST, `${simulator.url}${path}`);
  request.headers.tryAdd("content-type", "application/json");
  request.headers.tryAdd("x-simulator-scenario", JSON.stringify(scenario));
  request.content = new TextEncoder().encode(JSON.stringify(body)).buffer;
  request.addRequestOptions([option]);
  return adapter.sendNoResponseContent(request, undefined);
}

describe("the Kiota middleware, against the simulator", () => {
  it("awaits a team clone to its end, the SDK's token on the Graph origin's polls", async () => {
    const { transport, sent } = recordingTransport();
    const option = awaitOperation({ poll: { ...fast, transport } });
    await post("/v1.0/teams/team-1/clone", { displayName: "Clone" }, option);
    expect(option.operation).toMatchObject({ kind: "teamsAsyncOperation", status: "succeeded" });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.url.startsWith(simulator.url))).toBe(true);
    expect(sent.every((request) => request.authorization === "Bearer kiota-token")).toBe(true);
  });

  it("sends no token to a driveItem copy monitor on another origin", async () => {
    const { transport, sent } = recordingTransport();
    const option = awaitOperation({ poll: { ...fast, transport } });
    await post("/v1.0/drives/b!drive/items/01ITEM/copy", { name: "copy.txt" }, option, {
      copyCompletion: "body",
    });
    expect(option.operation).toMatchObject({ kind: "asyncJobStatus", status: "succeeded" });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.url.startsWith(simulator.monitorUrl))).toBe(true);
    expect(sent.every((request) => request.authorization === undefined)).toBe(true);
    expect(asked.some((url) => url.startsWith(simulator.monitorUrl))).toBe(false);
  });

  it("rejects with OperationFailedError when the operation failed, the failed operation kept", async () => {
    const option = awaitOperation({ poll: fast });
    const failure = await post("/v1.0/teams/team-1/clone", { displayName: "Doomed" }, option, {
      outcome: "failed",
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(OperationFailedError.isInstance(failure)).toBe(true);
    expect(option.operation).toMatchObject({ status: "failed" });
    expect((failure as OperationFailedError).operation.error?.code).toBeTruthy();
  });

  it("leaves a request without the option alone: it resolves at the 202, nothing polled", async () => {
    const request = new RequestInformation(HttpMethod.POST, `${simulator.url}/v1.0/teams/team-1/clone`);
    request.headers.tryAdd("content-type", "application/json");
    request.content = new TextEncoder().encode("{}").buffer;
    await adapter.sendNoResponseContent(request, undefined);
    expect(simulator.operations().at(-1)!.pollTimes).toEqual([]);
  });
});
