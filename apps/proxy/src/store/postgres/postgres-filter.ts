import type { OperationFilter } from "../operation-filter.js";

const columns = { status: "status", kind: "kind", createdDateTime: "created_at" } as const;
const operators = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" } as const;

/**
 * Compiles a parsed `$filter` to a condition on `operations`, appending its values to `parameters`
 * and referring to them as `$n`; values never become SQL text.
 */
export function toPostgresCondition(filter: OperationFilter, parameters: unknown[]): string {
  const placeholder = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  switch (filter.type) {
    case "comparison":
      return `${columns[filter.field]} ${operators[filter.operator]} ${placeholder(filter.value)}`;
    case "in":
      return `${columns[filter.field]} = ANY(${placeholder([...filter.values])}::text[])`;
    case "and":
    case "or": {
      const left = toPostgresCondition(filter.left, parameters);
      const right = toPostgresCondition(filter.right, parameters);
      return `(${left} ${filter.type.toUpperCase()} ${right})`;
    }
  }
}
