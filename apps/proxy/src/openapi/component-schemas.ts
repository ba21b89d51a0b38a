import {
  adoptRequestSchema,
  deletedEventDataSchema,
  graphErrorEnvelopeSchema,
  operationListPageSchema,
  streamTokenSchema,
  wireOperationSchema,
  wireTrackingSchema,
} from "@lro/client";
import {
  operationErrorSchema,
  operationInnerErrorSchema,
  operationKindSchema,
  operationStatusSchema,
} from "@lro/core";
import { z } from "zod";
import { batchRequestSchema, batchResponseSchema } from "../batch/batch-schemas.js";
import { healthBodySchema, readinessBodySchema } from "../wire/health-bodies.js";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * The schemas the proxy serves and reads, named by their own `.meta({ id })`: the same zod schemas the
 * proxy builds its answers from and validates requests with.
 */
const contractSchemas: readonly z.ZodType[] = [
  wireOperationSchema,
  wireTrackingSchema,
  operationListPageSchema,
  adoptRequestSchema,
  graphErrorEnvelopeSchema,
  deletedEventDataSchema,
  healthBodySchema,
  readinessBodySchema,
  streamTokenSchema,
  batchRequestSchema,
  batchResponseSchema,
];

/** @lro/core's schemas the contract is made of, named here (core's own API leaves them unnamed). */
const coreSchemas: ReadonlyArray<readonly [z.ZodType, string]> = [
  [operationStatusSchema, "OperationStatus"],
  [operationKindSchema, "OperationKind"],
  [operationErrorSchema, "OperationError"],
  [operationInnerErrorSchema, "OperationInnerError"],
];

/** The reference to a component schema. */
export function schemaRef(id: string): { $ref: string } {
  return { $ref: `#/components/schemas/${id}` };
}

/** The id a contract schema declares with `.meta({ id })`; throws for a schema without one. */
export function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== "string") throw new Error("a contract schema must declare its id with .meta({ id })");
  return id;
}

/**
 * `components.schemas`: every contract schema converted by zod's own JSON Schema conversion, each named
 * schema a component and each use of one a `$ref` to it. The `$schema` and `$id` that the conversion writes
 * are left out: OpenAPI 3.1's dialect is the default, and components are addressed by their place.
 */
export function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const schema of contractSchemas) registry.add(schema, { id: schemaId(schema) });
  for (const [schema, id] of coreSchemas) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "throw",
  });
  const components: Record<string, JsonSchema> = {};
  for (const id of Object.keys(schemas).sort()) {
    const { $schema: _dialect, $id: _id, ...schema } = schemas[id] as JsonSchema;
    components[id] = schema;
  }
  return components;
}
