import { pino, type DestinationStream, type Logger } from "pino";

export type ProxyLogger = Logger;

/**
 * Paths pino censors wherever they appear in a log record: credentials the proxy handles must never be
 * written, even if a future log call passes a header object or an input carrying one.
 */
export const redactedPaths = [
  "authorization",
  "apiKey",
  "token",
  "password",
  "*.authorization",
  "*.Authorization",
  "*.apiKey",
  "*.token",
  "*.password",
  "*.cookie",
  '*["x-api-key"]',
  '*["proxy-authorization"]',
  '*["set-cookie"]',
  "*.headers.authorization",
  '*.headers["x-api-key"]',
  '*.headers["proxy-authorization"]',
  "*.headers.cookie",
];

export interface LoggerOptions {
  level?: string;
  /** Where records go (standard output by default); tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): ProxyLogger {
  return pino(
    {
      name: "lro-proxy",
      level: options.level ?? "info",
      redact: { paths: redactedPaths, censor: "[redacted]" },
      // An error may carry an address with a token in its query (a SharePoint monitor's `tempauth`).
      serializers: { err: (error: unknown) => redactUrlsIn(pino.stdSerializers.err(error as Error)) },
      base: { pid: process.pid },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

const secretParameter = /token|auth|sig|key|secret|password|code/i;

/** A path with the values of secret-looking query parameters replaced, fit for a log record. */
export function redactUrlForLog(pathWithQuery: string): string {
  const queryStart = pathWithQuery.indexOf("?");
  if (queryStart === -1) return pathWithQuery;
  const parameters = new URLSearchParams(pathWithQuery.slice(queryStart + 1));
  for (const name of new Set(parameters.keys())) {
    if (secretParameter.test(name)) parameters.set(name, "[redacted]");
  }
  const query = parameters.toString();
  return `${pathWithQuery.slice(0, queryStart)}${query === "" ? "" : `?${query}`}`;
}

const urlInText = /https?:\/\/[^\s"'<>]+/g;

/** A copy of `value` with every URL in its strings (nested objects included) passed through `redactUrlForLog`. */
export function redactUrlsIn<T>(value: T, depth = 0): T {
  if (typeof value === "string") return value.replace(urlInText, (url) => redactUrlForLog(url)) as T;
  if (value === null || typeof value !== "object" || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redactUrlsIn(item, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactUrlsIn(item, depth + 1)]),
  ) as T;
}
