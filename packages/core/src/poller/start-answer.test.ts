import { describe, expect, it } from "vitest";
import { readStartAnswer } from "./start-answer.js";

const requestUrl = new URL("https://graph.microsoft.com/beta/communications/calls/c1/playPrompt");
const context = { requestUrl, receivedAt: 0 };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("readStartAnswer", () => {
  it("follows a 200 whose body is an operation under way to the monitor in Location", () => {
    const location = "https://graph.microsoft.com/beta/communications/calls/c1/operations/o1";
    const answer = readStartAnswer(
      json(
        200,
        { "@odata.type": "#microsoft.graph.playPromptOperation", id: "o1", status: "running" },
        { location },
      ),
      context,
    );
    expect(answer).toStrictEqual({ monitorUrl: new URL(location), retryAfterMs: undefined });
  });

  it("follows a job not started yet at its entity's address, keeping the request's version", () => {
    const answer = readStartAnswer(
      json(200, {
        "@odata.type": "#microsoft.graph.configurationSnapshotJob",
        id: "j 1",
        status: "notStarted",
      }),
      {
        requestUrl: new URL(
          "https://graph.microsoft.com/beta/admin/configurationManagement/configurationSnapshots/createSnapshot",
        ),
        receivedAt: 0,
      },
    );
    expect(answer).toStrictEqual({
      monitorUrl: new URL(
        "https://graph.microsoft.com/beta/admin/configurationManagement/configurationSnapshotJobs/j%201",
      ),
      retryAfterMs: undefined,
    });
  });

  it.each([
    [
      "a finished operation",
      json(200, { id: "o1", status: "completed", clientContext: "c" }, { location: "/x" }),
    ],
    [
      "a created resource with a status of its own",
      json(201, { id: "s1", status: "active" }, { location: "/subscriptions/s1" }),
    ],
    ["a resource without a status", json(201, { id: "w1", persistChanges: true })],
    [
      "an operation under way with no address to follow",
      json(200, { id: "o1", status: "running", clientContext: "c" }),
    ],
    ["no body", { status: 204, headers: {}, body: "" }],
  ])("reads %s as finished now", (_name, response) => {
    expect(readStartAnswer(response, context)).toHaveProperty("finished");
  });
});
