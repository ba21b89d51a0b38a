import type { z } from "zod";
import type { OperationKind } from "./operation-kind.js";
import type { Operation } from "./operation.js";

/** The normalised fields a flavour's properties feed (everything but `kind` and `raw`). */
export type OperationFields = Omit<Operation, "kind" | "raw" | "warnings">;
export type OperationFieldName = keyof OperationFields;

/** How one property of a flavour's JSON maps to the normalised fields, and back. */
export interface FlavourProperty<Value> {
  /** The normalised fields this property feeds. */
  readonly feeds: readonly OperationFieldName[];
  /**
   * Fields it feeds but cannot write back exactly (a percentage derived from counts, an error read from
   * a list of messages): a change of them is written as closely as the property allows.
   */
  readonly readOnly?: readonly OperationFieldName[];
  /** The property's parsed value as normalised fields. */
  read(value: Value): Partial<OperationFields>;
  /**
   * Set when `read` gives the value as it is to this one field (`{ [field]: value }`): it is then copied
   * without calling `read`, which would make an object for every answer.
   */
  readonly field?: OperationFieldName;
  /** The property's JSON written from the normalised fields (`undefined`: absent). */
  write(operation: Operation, received: unknown): unknown;
}

/** One Graph operation-monitor flavour: its schema and the mapping of its properties. */
export interface Flavour {
  readonly kind: OperationKind;
  readonly schema: z.ZodObject;
  readonly properties: Readonly<Record<string, FlavourProperty<unknown>>>;
}

export function defineFlavour<Schema extends z.ZodObject>(definition: {
  kind: OperationKind;
  schema: Schema;
  properties: { [Key in keyof Schema["shape"]]?: FlavourProperty<z.output<Schema["shape"][Key]>> };
}): Flavour {
  return definition as unknown as Flavour;
}
