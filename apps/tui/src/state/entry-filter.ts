import type { Translate } from "../i18n/translator.js";
import type { EntryStatus } from "./entry-status.js";
import { entryStatus } from "./entry-status.js";
import type { OperationEntry } from "./operations-state.js";

const statuses: readonly EntryStatus[] = [
  "notStarted",
  "running",
  "succeeded",
  "failed",
  "unknownFutureValue",
  "problem",
];

/** One word of a filter: what it tests, and whether it must fail the test (`-word`, `!word`). */
type Term =
  | { test: "status"; statuses: ReadonlySet<EntryStatus>; negated: boolean }
  | { test: "kind"; text: string; negated: boolean }
  | { test: "text"; text: string; negated: boolean };

export interface EntryFilter {
  /** The filter has no term: every row matches. */
  readonly empty: boolean;
  matches(entry: OperationEntry): boolean;
}

const squeeze = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");

/** The statuses a word names: Graph's name or the translated label, whole, or (after `status:`) a prefix. */
function statusesNamed(word: string, translate: Translate, prefix: boolean): Set<EntryStatus> {
  const wanted = squeeze(word);
  const named = new Set<EntryStatus>();
  for (const status of statuses) {
    for (const name of [squeeze(status), squeeze(translate(`status.${status}`))]) {
      if (name === wanted || (prefix && wanted !== "" && name.startsWith(wanted))) named.add(status);
    }
  }
  return named;
}

/** The text a word is looked for in: ids, kind and type, the status detail, the error, the monitor. */
const haystacks = new WeakMap<OperationEntry, string>();
function haystackOf(entry: OperationEntry): string {
  let haystack = haystacks.get(entry);
  if (haystack === undefined) {
    const operation = entry.operation;
    haystack = [
      entry.key,
      operation?.id,
      operation?.kind,
      operation?.type,
      operation?.operationType,
      entry.knownType,
      operation?.statusDetail,
      operation?.error?.code,
      operation?.error?.message,
      entry.monitorUrl,
      entry.problem,
    ]
      .filter((value): value is string => value !== undefined)
      .join("\n")
      .toLowerCase();
    haystacks.set(entry, haystack);
  }
  return haystack;
}

const kindOf = (entry: OperationEntry) =>
  [entry.operation?.kind, entry.operation?.type, entry.operation?.operationType, entry.knownType]
    .filter((value): value is string => value !== undefined)
    .join("\n")
    .toLowerCase();

function termOf(word: string, translate: Translate): Term {
  const negated = word.length > 1 && (word.startsWith("-") || word.startsWith("!"));
  const body = negated ? word.slice(1) : word;
  const [field, ...rest] = body.split(":");
  const value = rest.join(":");
  if (rest.length > 0 && field === "status") {
    return { test: "status", statuses: statusesNamed(value, translate, true), negated };
  }
  if (rest.length > 0 && field === "kind") return { test: "kind", text: value.toLowerCase(), negated };
  const named = statusesNamed(body, translate, false);
  if (named.size > 0) return { test: "status", statuses: named, negated };
  return { test: "text", text: body.toLowerCase(), negated };
}

function passes(term: Term, entry: OperationEntry): boolean {
  switch (term.test) {
    case "status":
      return term.statuses.has(entryStatus(entry));
    case "kind":
      return kindOf(entry).includes(term.text);
    case "text":
      return haystackOf(entry).includes(term.text);
  }
}

/**
 * PURE: the filter typed after `/`. Every word must match, case-insensitively:
 * - a status name (`failed`, `running`, `notStarted`, or the translated label: `fallida`, `失败`) matches
 *   rows whose normalised status is that one, and only them (a detail saying "running" does not count);
 * - `status:fail` matches the statuses whose name starts with the value, `kind:copy` the kind or type;
 * - any other word is looked for in the id, kind, type, detail, error and monitor URL;
 * - `-word` or `!word` keeps the rows that do NOT match the word.
 */
export function parseFilter(filter: string, translate: Translate): EntryFilter {
  const terms = filter
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => termOf(word, translate));
  return {
    empty: terms.length === 0,
    matches: (entry) => terms.every((term) => passes(term, entry) !== term.negated),
  };
}

/** Whether one row matches a filter (see `parseFilter`). */
export function matchesFilter(entry: OperationEntry, filter: string, translate: Translate): boolean {
  return parseFilter(filter, translate).matches(entry);
}
