import { operationKinds, operationStatuses } from "@lro/core";
import { BadRequestError } from "../http-errors/request-errors.js";
import type { ComparisonOperator, OperationFilter } from "../store/operation-filter.js";
import { tokenizeFilter, type FilterToken } from "./odata-filter-tokens.js";

/** What the proxy's `$filter` understands, quoted in every error about it. */
export const supportedFilter =
  "$filter supports status and kind (eq, ne, in) and createdDateTime (eq, ne, gt, ge, lt, le), " +
  "combined with and, or and parentheses; strings in single quotes, date-times unquoted, " +
  "e.g. $filter=status in ('notStarted','running') and createdDateTime ge 2026-01-31T00:00:00Z";

const operators = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const fields = new Map<string, readonly string[] | undefined>([
  ["status", operationStatuses],
  ["kind", operationKinds],
  ["createdDateTime", undefined],
]);

/** Bounds on a filter's size: deeper or longer ones would overflow the parser's or the database's stack. */
export const filterLimits = { nesting: 32, conditions: 100 };

/** Parses a `$filter` into the store's filter; anything outside the subset is a 400 saying what is supported. */
export function parseFilter(text: string): OperationFilter {
  const tokens = tokenizeFilter(text);
  if (typeof tokens === "string") throw invalidFilter(tokens);
  if (tokens.length === 0) throw invalidFilter("it is empty");
  let position = 0;
  let depth = 0;
  let conditions = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const describe = (token: FilterToken | undefined) =>
    token === undefined
      ? "the end of the filter"
      : `${token.type === "word" ? `"${token.text}"` : token.type === "string" ? `'${token.value}'` : token.type === "dateTime" ? token.text : `"${{ open: "(", close: ")", comma: "," }[token.type]}"`} at position ${token.at + 1}`;
  const isWord = (token: FilterToken | undefined, word: string) =>
    token?.type === "word" && token.text === word;

  const parseOr = (): OperationFilter => {
    let left = parseAnd();
    while (isWord(peek(), "or")) {
      next();
      left = { type: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): OperationFilter => {
    let left = parsePrimary();
    while (isWord(peek(), "and")) {
      next();
      left = { type: "and", left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): OperationFilter => {
    const token = next();
    if (token?.type === "open") {
      depth += 1;
      if (depth > filterLimits.nesting)
        throw invalidFilter(`it nests parentheses deeper than ${filterLimits.nesting} levels`);
      const inner = parseOr();
      depth -= 1;
      const close = next();
      if (close?.type !== "close") throw invalidFilter(`expected ")" but found ${describe(close)}`);
      return inner;
    }
    if (token?.type !== "word" || !fields.has(token.text)) {
      throw invalidFilter(`expected status, kind or createdDateTime but found ${describe(token)}`);
    }
    conditions += 1;
    if (conditions > filterLimits.conditions)
      throw invalidFilter(`it has more than ${filterLimits.conditions} conditions`);
    return parseCondition(token.text);
  };
  const parseCondition = (field: string): OperationFilter => {
    const operator = next();
    if (isWord(operator, "in") && field !== "createdDateTime") {
      if (next()?.type !== "open") throw invalidFilter(`expected "(" after ${field} in`);
      const values = [readString(field, next())];
      for (let token = next(); token?.type !== "close"; token = next()) {
        if (token?.type !== "comma") throw invalidFilter(`expected "," or ")" but found ${describe(token)}`);
        values.push(readString(field, next()));
      }
      return { type: "in", field: field as "status" | "kind", values };
    }
    if (operator?.type !== "word" || !operators.has(operator.text)) {
      throw invalidFilter(`expected an operator after ${field} but found ${describe(operator)}`);
    }
    const comparison = operator.text as ComparisonOperator;
    if (field === "createdDateTime")
      return { type: "comparison", field, operator: comparison, value: readDateTime(next()) };
    if (comparison !== "eq" && comparison !== "ne")
      throw invalidFilter(`${field} supports eq, ne and in, not ${comparison}`);
    return {
      type: "comparison",
      field: field as "status" | "kind",
      operator: comparison,
      value: readString(field, next()),
    };
  };
  const readString = (field: string, token: FilterToken | undefined): string => {
    if (token?.type !== "string")
      throw invalidFilter(`expected a quoted ${field} value but found ${describe(token)}`);
    const allowed = fields.get(field) ?? [];
    if (!allowed.includes(token.value)) {
      throw invalidFilter(
        `'${token.value}' is not a ${field}; one of ${allowed.map((value) => `'${value}'`).join(", ")}`,
      );
    }
    return token.value;
  };
  const readDateTime = (token: FilterToken | undefined): number => {
    const text = token?.type === "dateTime" ? token.text : token?.type === "string" ? token.value : undefined;
    const value = text === undefined ? Number.NaN : Date.parse(text);
    if (Number.isNaN(value))
      throw invalidFilter(`expected a date-time such as 2026-01-31T12:00:00Z but found ${describe(token)}`);
    return value;
  };

  const filter = parseOr();
  if (position < tokens.length) throw invalidFilter(`unexpected ${describe(peek())}`);
  return filter;
}

function invalidFilter(problem: string): BadRequestError {
  return new BadRequestError(`Invalid $filter: ${problem}. ${supportedFilter}.`, {
    innerError: { queryOption: "$filter" },
  });
}
