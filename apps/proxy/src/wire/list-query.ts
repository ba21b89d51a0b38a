import { BadRequestError } from "../http-errors/request-errors.js";
import type { OperationFilter } from "../store/operation-filter.js";
import type { ListCursor } from "../store/operation-records.js";
import { parseFilter } from "./odata-filter.js";
import { decodeSkipToken } from "./skip-token.js";

export const defaultPageSize = 100;
export const maxPageSize = 1000;
const supportedOptions = ["$top", "$skiptoken", "$filter"];

/** The query of `GET /operations`, checked. */
export interface ListQuery {
  top: number;
  after?: ListCursor;
  filter?: OperationFilter;
  /** The `$filter` as given, carried into `@odata.nextLink`. */
  filterText?: string;
}

/** Reads `$top`, `$skiptoken` and `$filter`; any other `$` option or a malformed one is a 400 that says why. */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  for (const name of Object.keys(query)) {
    if (name.startsWith("$") && !supportedOptions.includes(name)) {
      throw new BadRequestError(
        `The query option ${name} is not supported on /operations; supported: ${supportedOptions.join(", ")} (newest first).`,
        { innerError: { queryOption: name } },
      );
    }
  }
  const top = single(query, "$top");
  const skipToken = single(query, "$skiptoken");
  const filterText = single(query, "$filter");
  const result: ListQuery = { top: defaultPageSize };
  if (top !== undefined) {
    if (!/^\d{1,7}$/.test(top) || Number(top) > maxPageSize) {
      throw new BadRequestError(`$top must be a whole number from 0 to ${maxPageSize}, got "${top}".`, {
        innerError: { queryOption: "$top" },
      });
    }
    result.top = Number(top);
  }
  if (skipToken !== undefined) result.after = decodeSkipToken(skipToken);
  if (filterText !== undefined) {
    result.filter = parseFilter(filterText);
    result.filterText = filterText;
  }
  return result;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === "string") return value;
  throw new BadRequestError(`The query option ${name} must be given once.`, {
    innerError: { queryOption: name },
  });
}
