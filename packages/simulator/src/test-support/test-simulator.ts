import { afterEach } from "vitest";
import { scenarioHeader } from "../routes/request-scenario.js";
import type { ScenarioOptions } from "../scenario/scenario.js";
import { startSimulator, type Simulator, type SimulatorOptions } from "../start-simulator.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when empty. */
  json: unknown;
}

export interface TestSimulator {
  simulator: Simulator;
  /** Moves the simulator's clock forward. */
  advance(ms: number): void;
  now(): number;
  post(
    path: string,
    options?: {
      scenario?: ScenarioOptions | string;
      body?: unknown;
      headers?: Record<string, string>;
      method?: "POST" | "PATCH";
    },
  ): Promise<Answer>;
  get(url: string, headers?: Record<string, string>): Promise<Answer>;
  /** The monitor address a 202 announced, resolved against the Graph origin like a client would. */
  monitorOf(answer: Answer): string;
}

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((simulator) => simulator.close()));
});

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text === "" ? undefined : JSON.parse(text),
  };
}

/** A real simulator on port 0 whose clock only moves when the test says so; closed after each test. */
export async function startTestSimulator(
  options: Omit<SimulatorOptions, "now"> = {},
): Promise<TestSimulator> {
  let clock = Date.UTC(2026, 0, 5, 9, 30);
  const simulator = await startSimulator({ ...options, now: () => clock });
  open.push(simulator);
  return {
    simulator,
    advance: (ms) => {
      clock += ms;
    },
    now: () => clock,
    async post(path, { scenario, body, headers = {}, method = "POST" } = {}) {
      const allHeaders: Record<string, string> = { ...headers };
      if (scenario !== undefined) {
        allHeaders[scenarioHeader] = typeof scenario === "string" ? scenario : JSON.stringify(scenario);
      }
      if (body !== undefined) allHeaders["content-type"] = "application/json";
      const response = await fetch(`${simulator.url}${path}`, {
        method,
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
      });
      return read(response);
    },
    async get(url, headers = {}) {
      return read(await fetch(url, { headers, redirect: "manual" }));
    },
    monitorOf(answer) {
      const location = answer.headers.get("location") ?? answer.headers.get("operation-location");
      if (location === null) throw new Error(`the answer (${answer.status}) names no monitor`);
      if (!location.startsWith("/")) return location;
      return `${simulator.url}/v1.0${location}`;
    },
  };
}
