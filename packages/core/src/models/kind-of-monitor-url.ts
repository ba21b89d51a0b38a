import { monitorAddresses } from "./monitor-addresses.js";
import type { OperationKind } from "./operation-kind.js";

const key = "[^/]+";
const owner = `(?:me|users/${key}|groups/${key}|sites/${key})`;

function escape(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
}

/** A template as an anchored, case-insensitive pattern over a normalised path. */
function compile(template: string): RegExp {
  const source = template
    .split(/(\{id\}|\{owner\})/)
    .map((part) => (part === "{id}" ? key : part === "{owner}" ? owner : escape(part)))
    .join("");
  return new RegExp(`^${source}$`, "i");
}

const patterns: readonly (readonly [RegExp, OperationKind])[] = monitorAddresses.map((address) => [
  compile(address.template),
  address.kind,
]);

/**
 * A path in one form: OData keys (`teams('a')`, `getOperation(id='b')`) as segments (`teams/a`,
 * `getOperation/b`), without the version segment, query or trailing slash.
 */
export function normaliseMonitorPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: read the path as it is.
  }
  const segments = decoded
    .replace(/[?#].*$/, "")
    .replace(
      /\((?:[A-Za-z_]\w*=)?'((?:[^']|'')*)'\)/g,
      (_match, inner: string) => `/${inner.replaceAll("''", "'")}`,
    )
    .replace(/\((?:[A-Za-z_]\w*=)?([^()'/]*)\)/g, "/$1");
  return segments.replace(/^\/(?:v1\.0|beta)(?=\/)/i, "").replace(/\/+$/, "");
}

/**
 * The flavour a monitor address answers with, read from its whole path as Microsoft documents it
 * (`/teams('a')/operations('b')` is a teamsAsyncOperation), or `undefined` when the path is none of the
 * documented addresses: a longer path that merely contains a known segment says nothing. A hint for
 * showing an operation before its first answer: the answer's own shape still decides.
 */
export function kindOfMonitorUrl(monitorUrl: string | URL): OperationKind | undefined {
  const text = typeof monitorUrl === "string" ? monitorUrl : monitorUrl.href;
  const path = URL.canParse(text) ? new URL(text).pathname : text;
  if (!path.startsWith("/")) return undefined;
  const normalised = normaliseMonitorPath(path);
  return patterns.find(([pattern]) => pattern.test(normalised))?.[1];
}
