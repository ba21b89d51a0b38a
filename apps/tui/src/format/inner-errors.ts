import type { OperationError } from "@lro/core";

/** Every error below the top one, outermost first: details, then the `innerError` chain as deep as it goes. */
export function innerErrorLines(error: OperationError): string[] {
  const lines = (error.details ?? []).map(
    (detail) =>
      `${detail.code}: ${detail.message}${detail.target === undefined ? "" : ` (${detail.target})`}`,
  );
  let inner = error.innerError;
  let depth = 0;
  while (inner !== undefined && depth < 32) {
    const text = [inner.code, inner.message].filter((part) => part !== undefined).join(": ");
    const identifiers = ["request-id", "client-request-id", "date"]
      .filter((name) => typeof inner?.[name] === "string")
      .map((name) => `${name} ${String(inner?.[name])}`);
    const line = [text, ...identifiers].filter((part) => part !== "").join(" · ");
    if (line !== "") lines.push(`${"  ".repeat(depth)}${line}`);
    inner = inner.innerError;
    depth += 1;
  }
  return lines;
}
