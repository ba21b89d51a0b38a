import type { OperationFilter } from "../store/operation-filter.js";

/** Writes a filter back as `$filter` text that `parseFilter` reads to the same filter. */
export function formatFilter(filter: OperationFilter): string {
  switch (filter.type) {
    case "comparison":
      return `${filter.field} ${filter.operator} ${
        filter.field === "createdDateTime" ? new Date(filter.value).toISOString() : quote(filter.value)
      }`;
    case "in":
      return `${filter.field} in (${filter.values.map(quote).join(",")})`;
    case "and":
    case "or":
      return `(${formatFilter(filter.left)} ${filter.type} ${formatFilter(filter.right)})`;
  }
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
