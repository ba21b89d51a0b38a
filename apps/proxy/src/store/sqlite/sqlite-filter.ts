import type { OperationFilter } from "../operation-filter.js";

const columns = { status: "status", kind: "kind", createdDateTime: "created_at" } as const;
const operators = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" } as const;

/** A parameterised SQL condition; values never become SQL text. */
export interface SqlCondition {
  sql: string;
  parameters: (string | number)[];
}

/** Compiles a parsed `$filter` to a condition on the `operations` table. */
export function toSqlCondition(filter: OperationFilter): SqlCondition {
  switch (filter.type) {
    case "comparison":
      return { sql: `${columns[filter.field]} ${operators[filter.operator]} ?`, parameters: [filter.value] };
    case "in":
      return {
        sql: `${columns[filter.field]} IN (${filter.values.map(() => "?").join(", ")})`,
        parameters: [...filter.values],
      };
    case "and":
    case "or": {
      const left = toSqlCondition(filter.left);
      const right = toSqlCondition(filter.right);
      return {
        sql: `(${left.sql} ${filter.type.toUpperCase()} ${right.sql})`,
        parameters: [...left.parameters, ...right.parameters],
      };
    }
  }
}
