/** The fields a list of operations can be filtered on. */
export const filterFields = ["status", "kind", "createdDateTime"] as const;
export type FilterField = (typeof filterFields)[number];

export const comparisonOperators = ["eq", "ne", "gt", "ge", "lt", "le"] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/**
 * A parsed `$filter`: the small OData subset the store understands. Values are already checked:
 * `status` and `kind` hold known values, `createdDateTime` holds epoch milliseconds.
 */
export type OperationFilter =
  | { type: "comparison"; field: "status" | "kind"; operator: "eq" | "ne"; value: string }
  | { type: "comparison"; field: "createdDateTime"; operator: ComparisonOperator; value: number }
  | { type: "in"; field: "status" | "kind"; values: string[] }
  | { type: "and" | "or"; left: OperationFilter; right: OperationFilter };
