import type { Simulator } from "@lro/simulator";
import { startSimulator } from "@lro/simulator";
import { pollOperation } from "@lro/core";
import type { Observable } from "rxjs";
import { filter, firstValueFrom, scan, share } from "rxjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulatorOperation } from "../test-support/start-simulator-operation.js";
import { applySourceEvent, initialOperationsState } from "../state/operations-state.js";
import type { OperationsState } from "../state/operations-state.js";
import { createCoreSource } from "./core-source.js";
import type { SourceEvent } from "./operation-source.js";

let simulator: Simulator;
// The simulator's clock: real time, unless a test holds it still to see an operation running for sure.
let heldAt: number | undefined;
beforeEach(async () => {
  heldAt = undefined;
  simulator = await startSimulator({
    defaults: { durationMs: 300, retryAfterSeconds: 0 },
    now: () => heldAt ?? Date.now(),
  });
});
afterEach(() => simulator.close());

const fast = { interval: 50, adaptive: false, minInterval: 10 };
const start = async (path: string, scenario: object, body?: Record<string, unknown>) =>
  (await startSimulatorOperation(simulator.url, { path, scenario, ...(body === undefined ? {} : { body }) }))
    .monitorUrl ?? "";

const until = (events$: Observable<SourceEvent>, done: (state: OperationsState) => boolean) =>
  firstValueFrom(events$.pipe(scan(applySourceEvent, initialOperationsState), filter(done)));

describe("createCoreSource", () => {
  it("follows every monitor to its end, keyed by monitor URL, with the timeline of changes", async () => {
    // Upstream time stands still until both were seen running, however late a loaded machine polls.
    heldAt = Date.now();
    const succeeding = await start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {});
    const failing = await start("/v1.0/teams/t1/clone", {
      outcome: "failed",
      error: { code: "teamCloneFailed", message: "No licence" },
    });
    const source = createCoreSource({ monitorUrls: [succeeding, failing], pollOptions: fast });
    const countWith = (current: OperationsState, statuses: string[]) =>
      [...current.entries.values()].filter((entry) => statuses.includes(entry.operation?.status ?? ""))
        .length;
    const events$ = source.events$.pipe(share());
    const ended = until(events$, (current) => countWith(current, ["succeeded", "failed"]) === 2);
    await until(events$, (current) => {
      if (countWith(current, ["running"]) === 2) heldAt = undefined;
      return heldAt === undefined;
    });
    const state = await ended;
    const done = state.entries.get(succeeding);
    expect(done?.operation).toMatchObject({ kind: "richLongRunningOperation", status: "succeeded" });
    expect(done?.timeline.map((change) => change.status)).toEqual(["running", "succeeded"]);
    const failed = state.entries.get(failing);
    expect(failed?.operation).toMatchObject({
      kind: "teamsAsyncOperation",
      status: "failed",
      error: { code: "teamCloneFailed" },
    });
    expect(failed?.problem).toBeUndefined();
    expect(state.listed).toBe(true);
  });

  it("reports a monitor it cannot follow as a problem, and lists only after every monitor answered", async () => {
    const working = await start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      durationMs: 5000,
    });
    const gone = await start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      monitorError: { status: 404, from: 1 },
    });
    const source = createCoreSource({ monitorUrls: [working, gone], pollOptions: fast });
    const state = await until(source.events$, (current) => current.listed);
    expect(state.entries.size).toBe(2);
    expect(state.entries.get(gone)?.problem).toMatch(/404|not found/i);
    expect(state.entries.get(working)?.operation?.status).toBe("running");
  });

  it("passes the token as a bearer Authorization to @lro/core, and stops following on stop()", async () => {
    const monitor = await start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      durationMs: 60_000,
    });
    let authorization: string | undefined;
    const source = createCoreSource({
      monitorUrls: [monitor],
      token: "secret-token",
      pollOptions: fast,
      follow: (monitorUrl, options) => {
        void Promise.resolve(options.getAuthorization?.()).then((value) => (authorization = value));
        return pollOperation(monitorUrl, options);
      },
    });
    const seen: SourceEvent[] = [];
    await new Promise<void>((resolve) => {
      const subscription = source.events$.subscribe((event) => {
        seen.push(event);
        if (event.type === "operation") void source.stop(monitor);
        if (event.type === "removed") {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    expect(authorization).toBe("Bearer secret-token");
    expect(seen.filter((event) => event.type === "operation")).toHaveLength(1);
    expect(seen.at(-1)).toMatchObject({ type: "removed", key: monitor });
    // Polling every 50 ms would make six more polls in 300 ms; at most the one in flight at the stop lands.
    const polls = simulator.operations()[0]?.polls ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(simulator.operations()[0]?.polls ?? 0).toBeLessThanOrEqual(polls + 1);
  });

  it("sends the token only to the token origins, never to a monitor elsewhere (a driveItem copy's)", async () => {
    const follow = async (tokenOrigins: string[] | undefined) => {
      simulator.reset();
      const monitor = await start("/v1.0/drives/d/items/i/copy", { durationMs: 100 }, {});
      expect(new URL(monitor).origin).toBe(new URL(simulator.monitorUrl).origin);
      const source = createCoreSource({
        monitorUrls: [monitor],
        token: "secret",
        tokenOrigins,
        pollOptions: fast,
      });
      await until(source.events$, (state) => state.entries.get(monitor)?.operation?.status === "succeeded");
      return simulator.operations()[0]?.authorizationSeen;
    };
    expect(await follow(undefined)).toBe(false);
    expect(await follow([simulator.monitorUrl])).toBe(true);
  });
});
