import { graphMonitorTypes } from "./graph-monitor-types.js";
import { kindOfMonitorUrl } from "./kind-of-monitor-url.js";
import type { OperationKind } from "./operation-kind.js";
import { kindOfShape } from "./shape-rules.js";

/** Every documented type by its lower-case name without `microsoft.graph.`. */
const kindOfTypeName: ReadonlyMap<string, OperationKind> = new Map(
  graphMonitorTypes.map((type): [string, OperationKind] => [type.name.toLowerCase(), type.kind]),
);

/** Namespaced types also by their last segment (`validateOperation`), where that names one flavour only. */
const kindOfLastSegment: ReadonlyMap<string, OperationKind> = (() => {
  const found = new Map<string, Set<OperationKind>>();
  for (const type of graphMonitorTypes) {
    const segment = type.name.slice(type.name.lastIndexOf(".") + 1).toLowerCase();
    found.set(segment, (found.get(segment) ?? new Set()).add(type.kind));
  }
  return new Map(
    [...found]
      .filter(([segment, kinds]) => kinds.size === 1 && !kindOfTypeName.has(segment))
      .map(([segment, kinds]): [string, OperationKind] => [segment, [...kinds][0]!]),
  );
})();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The flavour an `@odata.type` names (`#microsoft.graph.teamsAsyncOperation`; derived types by their
 * base: `#microsoft.graph.playPromptOperation` is a commsOperation), or undefined for a type Microsoft
 * does not document as an operation monitor.
 */
export function kindOfODataType(odataType: string): OperationKind | undefined {
  const name = odataType
    .trim()
    .replace(/^#/, "")
    .toLowerCase()
    .replace(/^microsoft\.graph\./, "");
  return kindOfTypeName.get(name) ?? kindOfLastSegment.get(name);
}

// A monitor sends the same @odata.context on every answer: read once per context (bounded; cleared when
// full), since the path patterns cost about 1.5% of the poller's CPU per poll in a profile of steady polling.
const contextKinds = new Map<string, OperationKind | undefined>();
const contextKindsLimit = 1024;

/** The flavour of the entity set an `@odata.context` names (`$metadata#teams('a')/operations/$entity`). */
export function kindOfODataContext(context: unknown): OperationKind | undefined {
  if (typeof context !== "string" || !context.includes("#")) return undefined;
  if (contextKinds.has(context)) return contextKinds.get(context);
  const kind = readKindOfODataContext(context);
  if (contextKinds.size >= contextKindsLimit) contextKinds.clear();
  contextKinds.set(context, kind);
  return kind;
}

function readKindOfODataContext(context: string): OperationKind | undefined {
  const entitySet = context
    .slice(context.indexOf("#") + 1)
    .replace(/\/\$entity$/, "")
    .replace(/^\/+/, "");
  // An entity set names a collection: its members' addresses end in one more key.
  return kindOfMonitorUrl(`/${entitySet}/key`) ?? kindOfMonitorUrl(`/${entitySet}`);
}

export interface DetectOptions {
  /** The flavour of this monitor's earlier answers: kept unless the payload names its type. */
  kindHint?: OperationKind | undefined;
}

/**
 * The flavour of a Graph operation payload: from `@odata.type` when it names one, else from the entity
 * set its `@odata.context` names, else `kindHint` (the flavour of the monitor's earlier answers), else
 * from the payload's distinctive properties (see `shapeRules`). `undefined` for anything but a JSON object.
 */
export function detectOperationKind(input: unknown, options?: DetectOptions): OperationKind | undefined {
  if (!isRecord(input)) return undefined;
  const odataType = input["@odata.type"];
  const named = typeof odataType === "string" ? kindOfODataType(odataType) : undefined;
  return named ?? kindOfODataContext(input["@odata.context"]) ?? options?.kindHint ?? kindOfShape(input);
}
