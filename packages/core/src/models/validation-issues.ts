import type { z } from "zod";
import type { OperationValidationIssue } from "../errors/operation-validation-error.js";

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as JSONPath-like text: `$.error.details[0].code`, `$["@odata.type"]`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return identifier.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, "$");
}

/** A short, safe description of a received value, e.g. `"abc"`, `an array`, `null`. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

export function validationIssue(
  path: readonly (string | number)[],
  expected: string,
  received: unknown,
): OperationValidationIssue {
  const text = pathText(path);
  const receivedText = describeReceived(received);
  return {
    path,
    pathText: text,
    expected,
    received: receivedText,
    message: `${text}: expected ${expected}, received ${receivedText}`,
  };
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("expected ")) return issue.message.slice("expected ".length);
  if (issue.code === "invalid_type") return `${article(issue.expected)} or null`;
  return issue.message;
}

/** zod's issues as validation issues (every leaf schema words its own `expected`). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): OperationValidationIssue[] {
  return issues.map((issue) =>
    validationIssue(
      issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
      expectedOf(issue),
      issue.input,
    ),
  );
}
