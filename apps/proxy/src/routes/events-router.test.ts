import { afterEach, describe, expect, it, vi } from "vitest";
import { openEventStream, type SseFrame } from "../tracking/test-support/sse-client.js";
import {
  alice,
  bob,
  ended,
  reaches,
  startHarness,
  type Harness,
} from "../tracking/test-support/tracking-harness.js";

// Real servers and real polls: generous under a loaded machine; each test still ends within about a second.
vi.setConfig({ testTimeout: 20_000 });

let harness: Harness;
afterEach(async () => {
  await harness.close();
});

async function adopt(key: string, scenario: Record<string, unknown>) {
  const { monitorUrl } = await harness.startUpstream(
    "/v1.0/sites/s1/contentTypes/addCopyFromContentTypeHub",
    scenario,
  );
  const response = await fetch(`${harness.url}/operations`, {
    method: "POST",
    headers: { "x-api-key": key, "content-type": "application/json" },
    body: JSON.stringify({ monitorUrl }),
  });
  return (await response.json()) as { id: string; version: number };
}

const stream = (path: string, key: string, headers: Record<string, string> = {}) =>
  openEventStream(`${harness.url}${path}`, { "x-api-key": key, ...headers });
const dataOf = (frame: SseFrame) =>
  JSON.parse(frame.data ?? "null") as { id: string; status: string; version: number };
const isEnd = (frame: SseFrame) => frame.event === "operation" && dataOf(frame).status === "succeeded";

describe("GET /operations/{id}/events", () => {
  it("sends the current state, then one event per change with increasing ids, until the end", async () => {
    harness = await startHarness();
    const { id } = await adopt(alice.apiKey, { durationMs: 1500 });
    const events = await stream(`/operations/${id}/events`, alice.apiKey);
    expect(events.status).toBe(200);
    expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(events.headers.get("cache-control")).toBe("private, no-store, no-transform");
    const frames = (await events.until(isEnd)).filter((frame) => frame.comment === undefined);
    expect((await harness.metrics.sseClients.get()).values[0]?.value).toBe(1);
    events.close();
    expect(frames.length).toBeGreaterThanOrEqual(2);
    const ids = frames.map((frame) => Number(frame.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    for (const frame of frames) {
      expect(frame.event).toBe("operation");
      expect(dataOf(frame)).toMatchObject({ id, version: Number(frame.id) });
    }
  });

  it("resumes after a dropped connection with Last-Event-ID, replaying what was missed from the store", async () => {
    harness = await startHarness();
    const { id } = await adopt(alice.apiKey, { durationMs: 300 });
    const first = await stream(`/operations/${id}/events`, alice.apiKey);
    const initial = await first.next();
    first.close();
    const final = await ended(harness, alice.owner, id);
    const resumed = await stream(`/operations/${id}/events`, alice.apiKey, {
      "last-event-id": initial?.id ?? "",
    });
    const replay = await resumed.next();
    resumed.close();
    expect(Number(replay?.id)).toBe(final.version);
    expect(Number(replay?.id)).toBeGreaterThan(Number(initial?.id));
    expect(dataOf(replay ?? {})).toMatchObject({ id, status: "succeeded" });
  });

  it("sends `deleted` and ends the stream when the operation is deleted", async () => {
    harness = await startHarness();
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000 });
    const events = await stream(`/operations/${id}/events`, alice.apiKey);
    await events.next();
    const deleted = await fetch(`${harness.url}/operations/${id}`, {
      method: "DELETE",
      headers: { "x-api-key": alice.apiKey },
    });
    expect(deleted.status).toBe(204);
    const frames = await events.until((frame) => frame.event === "deleted");
    expect(JSON.parse(frames.at(-1)?.data ?? "{}")).toEqual({ id });
    expect(await events.next()).toBeUndefined();
  });

  it("sends heartbeats as comments", async () => {
    harness = await startHarness({ heartbeatMs: 25 });
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000 });
    const events = await stream(`/operations/${id}/events`, alice.apiKey);
    const frames = await events.until((frame) => frame.comment !== undefined);
    events.close();
    expect(frames.at(-1)).toEqual({ comment: "heartbeat" });
  });

  it("answers 404 to another identity and 400 to a malformed Last-Event-ID", async () => {
    harness = await startHarness();
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000 });
    const theirs = await fetch(`${harness.url}/operations/${id}/events`, {
      headers: { "x-api-key": bob.apiKey },
    });
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { error: { code: string } }).error.code).toBe("itemNotFound");
    const malformed = await fetch(`${harness.url}/operations/${id}/events`, {
      headers: { "x-api-key": alice.apiKey, "last-event-id": "yesterday" },
    });
    expect(malformed.status).toBe(400);
  });
});

describe("GET /operations/events", () => {
  it("streams every operation of the caller and none of anyone else's", async () => {
    harness = await startHarness();
    const before = await adopt(alice.apiKey, { durationMs: 60_000 });
    const mine = await stream("/operations/events", alice.apiKey);
    const theirs = await stream("/operations/events", bob.apiKey);
    const current = await mine.next();
    expect(dataOf(current ?? {}).id).toBe(before.id);

    const later = await adopt(alice.apiKey, { durationMs: 100 });
    const bobs = await adopt(bob.apiKey, { durationMs: 60_000 });
    const frames = await mine.until((frame) => isEnd(frame) && dataOf(frame).id === later.id);
    const streamed = new Set(frames.map((frame) => dataOf(frame).id));
    for (const streamedId of streamed) expect([before.id, later.id]).toContain(streamedId);
    const theirFrame = await theirs.next();
    expect(dataOf(theirFrame ?? {}).id).toBe(bobs.id);
    mine.close();
    theirs.close();
  });

  it("replays every change after Last-Event-ID in version order, deletions included", async () => {
    harness = await startHarness();
    const first = await adopt(alice.apiKey, { durationMs: 60_000 });
    const second = await adopt(alice.apiKey, { durationMs: 100 });
    await ended(harness, alice.owner, second.id);
    await fetch(`${harness.url}/operations/${first.id}`, {
      method: "DELETE",
      headers: { "x-api-key": alice.apiKey },
    });
    const resumed = await stream("/operations/events", alice.apiKey, {
      "last-event-id": String(first.version),
    });
    const replay = [await resumed.next(), await resumed.next()];
    resumed.close();
    expect(replay.map((frame) => [frame?.event, JSON.parse(frame?.data ?? "{}").id])).toEqual([
      ["operation", second.id],
      ["deleted", first.id],
    ]);
    expect(Number(replay[1]?.id)).toBeGreaterThan(Number(replay[0]?.id));
  });
});

describe("an event stream that brings a Graph token", () => {
  it("resumes its owner's operation waiting for one after a restart, and streams it to its end", async () => {
    harness = await startHarness();
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 300 });
    const response = await fetch(`${harness.url}/operations`, {
      method: "POST",
      headers: { "x-api-key": alice.apiKey, "content-type": "application/json", authorization: "Bearer a" },
      body: JSON.stringify({ monitorUrl }),
    });
    const { id } = (await response.json()) as { id: string };
    await harness.restart();
    await reaches(harness, alice.owner, id, (record) => record.awaitingAuthorization);

    const events = await stream(`/operations/${id}/events`, alice.apiKey, { authorization: "Bearer a2" });
    const frames = await events.until(isEnd);
    events.close();
    expect(dataOf(frames.at(-1) as SseFrame)).toMatchObject({ id, status: "succeeded" });
  });
});
