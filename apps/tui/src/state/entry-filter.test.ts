import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { makeOperation } from "../test-support/operations.js";
import { parseFilter } from "./entry-filter.js";
import type { OperationEntry } from "./operations-state.js";

const entry = (key: string, fields: Omit<Parameters<typeof makeOperation>[0], "id">): OperationEntry => ({
  key,
  operation: makeOperation({ ...fields, id: key }),
  firstSeenAt: 0,
  updatedAt: 0,
  timeline: [],
});

const rows = [
  entry("run-1", { status: "running", rawStatus: "inProgress", type: "cloneTeam" }),
  // Done, but its detail and raw status still say "running": a bare `running` must not match it.
  entry("done-1", {
    status: "succeeded",
    rawStatus: "completed",
    statusDetail: "running cleanup",
    type: "ItemCopy",
  }),
  entry("fail-1", { status: "failed", rawStatus: "failed", statusDetail: "quota", type: "contentTypeCopy" }),
  entry("wait-1", { status: "notStarted", rawStatus: "notStarted", type: "cloneTeam" }),
];
const en = createTranslator(catalogs.en);
const shown = (filter: string, translate = en) =>
  rows.filter((row) => parseFilter(filter, translate).matches(row)).map((row) => row.key);

describe("parseFilter", () => {
  it("matches a bare status name against the normalised status only", () => {
    expect(shown("running")).toEqual(["run-1"]);
    expect(shown("failed")).toEqual(["fail-1"]);
    expect(shown("notstarted")).toEqual(["wait-1"]);
  });

  it("understands status: with a prefix, kind:, and negation with - or !", () => {
    expect(shown("status:fail")).toEqual(["fail-1"]);
    expect(shown("status:s")).toEqual(["done-1"]);
    expect(shown("kind:clone")).toEqual(["run-1", "wait-1"]);
    expect(shown("-running")).toEqual(["done-1", "fail-1", "wait-1"]);
    expect(shown("kind:clone !status:notstarted")).toEqual(["run-1"]);
    expect(shown("-kind:copy")).toEqual(["run-1", "wait-1"]);
  });

  it("looks for other words in ids, types and details, every word having to match", () => {
    expect(shown("cleanup")).toEqual(["done-1"]);
    expect(shown("copy quota")).toEqual(["fail-1"]);
    expect(shown("")).toEqual(rows.map((row) => row.key));
    expect(parseFilter("  ", en).empty).toBe(true);
  });

  it("knows the translated status labels", () => {
    const es = createTranslator(catalogs.es);
    expect(shown(`${es("status.failed")}`, es)).toEqual(["fail-1"]);
    const zh = createTranslator(catalogs["zh-CN"]);
    expect(shown(`-${zh("status.running")}`, zh)).toEqual(["done-1", "fail-1", "wait-1"]);
  });
});
