import type { Exchange } from "../http/exchange.js";
import type { GraphVersion } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";

export interface RouteContext {
  state: SimulatorState;
  exchange: Exchange;
  /** The pattern's capture groups (undefined where an optional group did not match). */
  groups: readonly (string | undefined)[];
  version: GraphVersion;
  /** The parsed JSON body of a POST or PATCH, if any. */
  body: unknown;
}

/** One served path: `pattern` matches the path after the version segment, with OData keys already slashed. */
export interface Route {
  name: string;
  method: "GET" | "POST" | "PATCH";
  pattern: RegExp;
  handle(context: RouteContext): void | Promise<void>;
}

/** Graph's owners of OneNote notebooks and drives, as a regular expression fragment. */
export const ownerPattern = "(?:me|users/[^/]+|groups/[^/]+|sites/[^/]+)";

/** A capture group that always matches when its pattern does. */
export function group(groups: readonly (string | undefined)[], index: number): string {
  const value = groups[index];
  if (value === undefined) throw new Error(`route pattern has no capture group ${index}`);
  return value;
}
