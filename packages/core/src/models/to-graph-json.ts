import { detectOperationKind } from "./detect-operation-kind.js";
import { flavours } from "./flavours.js";
import { odataTypeOfKind } from "./graph-monitor-types.js";
import { jsonEqual } from "./json-equal.js";
import type { Operation } from "./operation.js";
import { safeParseOperation } from "./parse-operation.js";

/**
 * The operation as its flavour's own Graph JSON: each normalised field written back under the
 * flavour's name and type, over the unknown properties of `raw`. A property whose received form still
 * reads as the current value is kept as received (casing, numbers sent as strings, `""` for absent, a
 * value that could not be read and so gave a warning), so `parseOperation(toGraphJson(operation))`
 * deep-equals `operation`. When the JSON alone would read as another flavour (an operation parsed with a
 * forced `kind`), its `@odata.type` names the operation's.
 */
export function toGraphJson(operation: Operation): Record<string, unknown> {
  const flavour = flavours[operation.kind];
  const json: Record<string, unknown> = { ...operation.raw };
  const received = safeParseOperation(operation.raw, { kind: operation.kind });
  const receivedFields: Record<string, unknown> | undefined = received.success ? received.data : undefined;
  const current: Record<string, unknown> = operation;
  for (const [name, property] of Object.entries(flavour.properties)) {
    const stillHolds =
      receivedFields !== undefined &&
      property.feeds.every((field) => jsonEqual(receivedFields[field], current[field]));
    if (stillHolds) continue;
    const written = property.write(operation, operation.raw[name]);
    if (written === undefined) delete json[name];
    else json[name] = written;
  }
  if (detectOperationKind(json) !== operation.kind) json["@odata.type"] = odataTypeOfKind[operation.kind];
  return json;
}
