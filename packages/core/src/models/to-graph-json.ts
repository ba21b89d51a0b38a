import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { detectOperationKind } from "./detect-operation-kind.js";
import type { Flavour, FlavourProperty } from "./flavour.js";
import { flavours } from "./flavours.js";
import type { Operation } from "./operation.js";
import { withoutUndefined } from "./without-undefined.js";

/** Whether the property as received still reads as the operation's current normalised fields. */
function receivedStillHolds(
  flavour: Flavour,
  name: string,
  property: FlavourProperty<unknown>,
  operation: Operation,
) {
  const schema = flavour.schema.shape[name];
  if (schema === undefined) return false;
  const parsed = z.safeParse(schema, operation.raw[name]);
  if (!parsed.success) return false;
  const read: Record<string, unknown> = withoutUndefined(property.read(parsed.data));
  const current: Record<string, unknown> = operation;
  return property.feeds.every((field) => isDeepStrictEqual(read[field], current[field]));
}

/**
 * The operation as its flavour's own Graph JSON: each normalised field written back under the
 * flavour's name and type, over the unknown properties of `raw`. A property whose received form still
 * reads as the current value is kept as received (casing, numbers sent as strings, `""` for absent),
 * so `parseOperation(toGraphJson(operation))` deep-equals `operation`. When the JSON alone would read as
 * another flavour (an operation parsed with a forced `kind`), its `@odata.type` names the operation's.
 */
export function toGraphJson(operation: Operation): Record<string, unknown> {
  const flavour = flavours[operation.kind];
  const json: Record<string, unknown> = { ...operation.raw };
  for (const [name, property] of Object.entries(flavour.properties)) {
    if (receivedStillHolds(flavour, name, property, operation)) continue;
    const written = property.write(operation, operation.raw[name]);
    if (written === undefined) delete json[name];
    else json[name] = written;
  }
  if (detectOperationKind(json) !== operation.kind) {
    json["@odata.type"] = `#microsoft.graph.${operation.kind}`;
  }
  return json;
}
