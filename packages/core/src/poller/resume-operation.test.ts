import { lastValueFrom } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InvalidResumeTokenError } from "../errors/invalid-resume-token-error.js";
import { pollOperation } from "./poll-operation.js";
import { resumeOperation } from "./resume-operation.js";
import type { ResumeToken, StoredResumeToken } from "./resume-token.js";
import { observe } from "./test-support/observe.js";
import { jsonResponse, richOperation, scriptedTransport } from "./test-support/scripted-transport.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/sites/root/operations/op-1";
const requestUrl = "https://graph.microsoft.com/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub";
const start = Date.UTC(2026, 10, 22, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("resume tokens", () => {
  it("are plain JSON, name the next due time and never hold the Authorization", async () => {
    const tokens: ResumeToken[] = [];
    const transport = scriptedTransport(() =>
      jsonResponse(richOperation("running"), 200, { "retry-after": "30" }),
    );
    const options = {
      transport,
      requestUrl,
      headers: { Authorization: "Bearer secret-token" },
      getAuthorization: () => "Bearer other-secret",
      onResumeToken: (token: ResumeToken) => tokens.push(token),
    };
    const observed = observe(pollOperation(monitorUrl, options));
    await vi.advanceTimersByTimeAsync(0);
    observed.subscription.unsubscribe();
    const token = tokens.at(-1)!;
    expect(token).toMatchObject({
      version: 2,
      monitorUrl,
      requestUrl,
      attempt: 1,
      nextPollAt: start + 30_000,
    });
    expect(token.operation?.status).toBe("running");
    const json = JSON.stringify(token);
    expect(json).not.toMatch(/secret/);
    expect(JSON.parse(json)).toEqual(token);
  });

  it("resume where the poll stopped: not before the due time, then on to the end", async () => {
    const tokens: ResumeToken[] = [];
    const first = scriptedTransport(() =>
      jsonResponse(richOperation("running"), 200, { "retry-after": "30" }),
    );
    const observed = observe(
      pollOperation(monitorUrl, { transport: first, onResumeToken: (token) => tokens.push(token) }),
    );
    await vi.advanceTimersByTimeAsync(0);
    observed.subscription.unsubscribe();
    const saved = JSON.parse(JSON.stringify(tokens.at(-1))) as ResumeToken;

    await vi.advanceTimersByTimeAsync(10_000);
    const second = scriptedTransport(() => jsonResponse(richOperation("succeeded")));
    const final = lastValueFrom(resumeOperation(saved, { transport: second }));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(second.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.requests.map((request) => request.sentAt)).toEqual([start + 30_000]);
    await expect(final).resolves.toMatchObject({ status: "succeeded" });
  });

  it("polls at once when the due time has passed, from a token of version 1 too", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("succeeded")));
    const token: StoredResumeToken = {
      version: 1,
      monitorUrl,
      samples: [],
      attempt: 3,
      nextPollAt: start - 60_000,
    };
    observe(resumeOperation(token, { transport }));
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.requests).toHaveLength(1);
  });

  it("keeps the token's origin rule: the Authorization goes to the request's origin only", async () => {
    const transport = scriptedTransport(() => jsonResponse({ status: "completed" }));
    const token: ResumeToken = {
      version: 2,
      failures: 0,
      monitorUrl: "https://contoso.sharepoint.com/_api/v2.0/monitor/1",
      requestUrl,
      samples: [],
      attempt: 1,
      nextPollAt: start,
    };
    observe(resumeOperation(token, { transport, headers: { authorization: "Bearer t" } }));
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.requests[0]!.request.headers["authorization"]).toBeUndefined();
  });

  it("refuses anything that is not a token, naming what is wrong", () => {
    expect(() =>
      resumeOperation({ version: 2, monitorUrl: "/relative" } as unknown as StoredResumeToken),
    ).toThrow(InvalidResumeTokenError);
    try {
      resumeOperation({ version: 1, monitorUrl: "nope", samples: [], attempt: -1, nextPollAt: 0 });
    } catch (error) {
      expect(InvalidResumeTokenError.isInstance(error)).toBe(true);
      expect((error as InvalidResumeTokenError).issues.join("\n")).toMatch(/monitorUrl[\s\S]*attempt/);
    }
  });
});
