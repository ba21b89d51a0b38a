import {
  checkBoolean,
  checkInteger,
  checkKeys,
  checkNumber,
  checkOneOf,
  checkString,
  isPlainObject,
  type Issue,
} from "./field-checks.js";
import type { ScenarioOptions } from "./scenario.js";
import { SimulatorScenarioError } from "./scenario-error.js";

export type ScenarioParseResult =
  { success: true; data: ScenarioOptions } | { success: false; error: SimulatorScenarioError };

type FieldCheck = (path: string, value: unknown) => Issue | string[];

const windowChecks: Record<string, FieldCheck> = {
  from: (path, value) => checkInteger(path, value, 1),
  count: (path, value) => checkInteger(path, value, 0),
};

function objectOf(checks: Record<string, FieldCheck>, required: readonly string[] = []): FieldCheck {
  return (path, value) => {
    if (!isPlainObject(value)) return `"${path}" must be an object (received ${JSON.stringify(value)})`;
    const issues: Issue[] = checkKeys(path, value, Object.keys(checks));
    for (const key of required) {
      if (value[key] === undefined) issues.push(`"${path}.${key}" is required`);
    }
    for (const [key, check] of Object.entries(checks)) {
      if (value[key] !== undefined) issues.push(...[check(`${path}.${key}`, value[key])].flat());
    }
    return issues.filter((issue): issue is string => issue !== undefined);
  };
}

const scenarioChecks: Record<string, FieldCheck> = {
  durationMs: (path, value) => checkNumber(path, value, 0),
  notStartedMs: (path, value) => checkNumber(path, value, 0),
  progress: (path, value) => checkOneOf(path, value, ["linear", "steps", "ease", "none"]),
  outcome: (path, value) => checkOneOf(path, value, ["succeeded", "failed"]),
  failureRate: (path, value) => checkNumber(path, value, 0, 1),
  error: objectOf({ code: checkString, message: checkString }, ["code", "message"]),
  retryAfterSeconds: (path, value) => checkNumber(path, value, 0),
  monitorRetryAfterSeconds: (path, value) => checkNumber(path, value, 0),
  retryAfterFormat: (path, value) => checkOneOf(path, value, ["seconds", "http-date"]),
  immediate: checkBoolean,
  copyCompletion: (path, value) => checkOneOf(path, value, ["seeOther", "body"]),
  throttle: objectOf(
    {
      ...windowChecks,
      status: (path, value) => checkOneOf(path, value, [429, 503]),
      retryAfterSeconds: (path, value) => checkNumber(path, value, 0),
    },
    ["status"],
  ),
  malformed: objectOf(windowChecks),
  drop: objectOf(windowChecks),
  slow: objectOf({ ...windowChecks, delayMs: (path, value) => checkNumber(path, value, 0, 60_000) }, [
    "delayMs",
  ]),
  monitorError: objectOf(
    { ...windowChecks, status: (path, value) => checkOneOf(path, value, [401, 403, 404, 500]) },
    ["status"],
  ),
  futureStatus: objectOf({ value: checkString, durationMs: (path, value) => checkNumber(path, value, 0) }, [
    "value",
    "durationMs",
  ]),
};

/** Validates a scenario object; `source` names where it came from in the error message. */
export function parseScenario(input: unknown, source = "the scenario"): ScenarioParseResult {
  if (!isPlainObject(input)) {
    const issue = `expected a JSON object such as {"durationMs": 200}, received ${JSON.stringify(input)}`;
    return { success: false, error: new SimulatorScenarioError(source, [issue]) };
  }
  const issues: Issue[] = checkKeys("", input, Object.keys(scenarioChecks));
  for (const [key, check] of Object.entries(scenarioChecks)) {
    if (input[key] !== undefined) issues.push(...[check(key, input[key])].flat());
  }
  const problems = issues.filter((issue): issue is string => issue !== undefined);
  if (problems.length > 0) return { success: false, error: new SimulatorScenarioError(source, problems) };
  return { success: true, data: input as ScenarioOptions };
}

/** Parses the JSON text of an `x-simulator-scenario` header. */
export function parseScenarioHeader(text: string): ScenarioParseResult {
  const source = "header x-simulator-scenario";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const issue = `it is not JSON (${(cause as Error).message}); send e.g. {"durationMs": 200, "outcome": "failed"}`;
    return { success: false, error: new SimulatorScenarioError(source, [issue], { cause }) };
  }
  return parseScenario(value, source);
}
