import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { parseOriginPattern } from "../security/origin-pattern.js";
import { parseByteSize, parseDuration } from "./durations-and-sizes.js";
import { parseVaultKey } from "./vault-key.js";

/* The zod schemas of single setting values: each turns a string into a value or says what was expected. */

export const text = (description: string) =>
  z
    .string({ error: `expected ${description}` })
    .trim()
    .min(1, { error: `expected ${description}` });

export const httpUrl = (description: string) =>
  text(description).transform((value, context) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
      context.addIssue({ code: "custom", message: `expected ${description}, got "${value}"` });
      return z.NEVER;
    }
    return url;
  });

export const integer = (minimum: number, maximum: number) =>
  text(`an integer from ${minimum} to ${maximum}`).transform((value, context) => {
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= minimum && parsed <= maximum)) {
      context.addIssue({
        code: "custom",
        message: `expected an integer from ${minimum} to ${maximum}, got "${value}"`,
      });
      return z.NEVER;
    }
    return parsed;
  });

export const converted = <T>(description: string, convert: (value: string) => T | undefined) =>
  text(description).transform((value, context) => {
    const result = convert(value);
    if (result === undefined) {
      context.addIssue({ code: "custom", message: `expected ${description}, got "${value}"` });
      return z.NEVER;
    }
    return result;
  });

export const duration = converted("a duration such as 500ms, 30s, 5m, 24h or 7d", parseDuration);
export const byteSize = converted("a size such as 16kb, 1mb or 1048576 (bytes)", parseByteSize);

export const originPatterns = z.array(
  text("an origin such as https://*.example.com or http://127.0.0.1:*").transform((value, context) => {
    const pattern = parseOriginPattern(value);
    if (typeof pattern === "string") {
      context.addIssue({ code: "custom", message: pattern });
      return z.NEVER;
    }
    return pattern;
  }),
);

/**
 * `--cors-origin`: an exact origin a browser page may call the proxy from (`https://app.example.com`,
 * `http://localhost:5173`), written as the browser writes `Origin`. No wildcard, no path: the proxy names
 * an allowed origin back, never `*` and never an origin it was not given.
 */
export const corsOrigins = z.array(
  text("an origin such as https://app.example.com").transform((value, context) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    const bare =
      url !== undefined &&
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.username === "" &&
      url.password === "" &&
      url.search === "" &&
      url.hash === "" &&
      url.pathname === "/" &&
      !value.includes("*") &&
      !/[?#]$/.test(value);
    if (!bare) {
      context.addIssue({
        code: "custom",
        message: `expected an exact origin such as https://app.example.com or http://localhost:5173 (scheme, host and port; no path, no wildcard), got "${value}"`,
      });
      return z.NEVER;
    }
    return url.origin;
  }),
);

export const addressRanges = z.array(
  text("an IP address or CIDR range").refine((value) => isAddressRange(value), {
    error: (issue) =>
      `expected an IP address or CIDR range such as 127.0.0.1 or 10.0.0.0/8, got "${String(issue.input)}"`,
  }),
);

/**
 * A PEM setting: the path of a file holding it, or the PEM itself (handy in an environment variable).
 * The file is read when the configuration is parsed, so a bad path stops start-up with a clear message.
 */
export const pemFile = (description: string) =>
  text(description).transform((value, context) => {
    if (value.startsWith("-----BEGIN ")) return value;
    try {
      const content = readFileSync(value, "utf8");
      if (!content.includes("-----BEGIN ")) {
        context.addIssue({ code: "custom", message: `"${value}" holds no PEM block (-----BEGIN ...)` });
        return z.NEVER;
      }
      return content;
    } catch (error) {
      context.addIssue({ code: "custom", message: `cannot read "${value}": ${(error as Error).message}` });
      return z.NEVER;
    }
  });

export const apiKeys = z.array(
  z.string().refine((key) => key.length >= 16 && !/\s/.test(key), {
    error:
      "an API key must be at least 16 characters without spaces (generate one with: openssl rand -hex 32)",
  }),
);

/** The proxy's own paths: a forwarding prefix may not cover them (matched as Express matches: any case). */
const ownPaths = ["/operations", "/healthz", "/readyz", "/metrics"];

export const prefixes = z.array(
  text("a path prefix such as /v1.0")
    .refine((value) => /^\/[\w.~-]+(\/[\w.~-]+)*$/.test(value), {
      error: (issue) => `expected a path prefix such as /v1.0 or /beta, got "${String(issue.input)}"`,
    })
    .refine((value) => !ownPaths.some((own) => `${value.toLowerCase()}/`.startsWith(`${own}/`)), {
      error: (issue) =>
        `"${String(issue.input)}" is one of the proxy's own paths (${ownPaths.join(", ")}): choose another prefix`,
    }),
);

export function isAddressRange(value: string): boolean {
  const [address, bits, ...rest] = value.split("/");
  if (address === undefined || rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = /^\d+$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

const namedProxyRanges = ["loopback", "linklocal", "uniquelocal"];

/**
 * `--trust-proxy`: which proxies in front may name the client (`X-Forwarded-For`), as Express's
 * "trust proxy" takes it: a number of hops, or addresses, CIDR ranges and the names loopback, linklocal
 * and uniquelocal.
 */
export const trustedProxies = z
  .array(text("a number of hops, or proxy addresses"))
  .transform((values, context) => {
    if (values.length === 1 && /^\d+$/.test(values[0]!)) return Number(values[0]);
    for (const value of values) {
      if (!namedProxyRanges.includes(value) && !isAddressRange(value)) {
        context.addIssue({
          code: "custom",
          message: `expected a number of proxy hops, or addresses, CIDR ranges, loopback, linklocal or uniquelocal, got "${value}"`,
        });
        return z.NEVER;
      }
    }
    return values;
  });

/**
 * A 256-bit secret key (64 hexadecimal digits or 44 base64 characters), read into its bytes. A refusal
 * never quotes it, only its length.
 */
export const secretKey = text("a 256-bit key").transform((value, context) => {
  const key = parseVaultKey(value);
  if (key === undefined) {
    context.addIssue({
      code: "custom",
      message: `expected a 256-bit key: 64 hexadecimal digits or 44 base64 characters (openssl rand -base64 32); got ${value.length} characters (not shown)`,
    });
    return z.NEVER;
  }
  return key;
});
