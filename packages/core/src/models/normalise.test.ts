import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Flavour } from "./flavour.js";
import { flavours } from "./flavours.js";
import { normalise } from "./normalise.js";
import { parseOperation } from "./parse-operation.js";
import type { Operation } from "./operation.js";

/** The rule as first written: every property merged in order (later ones win), then absent values dropped. */
function mergedThenDropped(flavour: Flavour, parsed: Record<string, unknown>, raw: Record<string, unknown>) {
  const merged: Record<string, unknown> = { kind: flavour.kind };
  for (const name in flavour.properties) {
    const property = flavour.properties[name]!;
    if (property.field !== undefined) merged[property.field] = parsed[name];
    else Object.assign(merged, property.read(parsed[name]));
  }
  merged["raw"] = raw;
  const operation: Record<string, unknown> = {};
  for (const field in merged) if (merged[field] !== undefined) operation[field] = merged[field];
  return operation;
}

const folder = new URL("../test-fixtures/monitor-types/", import.meta.url);
const answers = readdirSync(folder).flatMap((file) =>
  (JSON.parse(readFileSync(new URL(file, folder), "utf8")) as Record<string, unknown>[]).map(
    (answer, index) => [`${file} #${index + 1}`, answer] as const,
  ),
);

describe("normalise", () => {
  it("gives every documented monitor answer the fields, values and key order of the merge-then-drop rule", () => {
    let compared = 0;
    for (const [name, answer] of answers) {
      const operation: Operation = parseOperation(answer);
      const flavour = flavours[operation.kind];
      // The answer as its flavour reads it (the values the properties are fed), then normalised both ways;
      // an answer its schema refuses is read with warnings, property by property, and compared elsewhere.
      const result = flavour.schema.safeParse(answer);
      if (!result.success) continue;
      compared += 1;
      const parsed = result.data as Record<string, unknown>;
      const expected = mergedThenDropped(flavour, parsed, answer);
      const actual = normalise(flavour, parsed, answer);
      expect(Object.keys(actual), name).toEqual(Object.keys(expected));
      expect(actual, name).toStrictEqual(expected);
      expect(
        Object.keys(operation).filter((key) => key !== "warnings"),
        name,
      ).toEqual(Object.keys(expected));
    }
    expect(compared).toBeGreaterThan(40);
  });

  it("keeps the merge-then-drop rule for a flavour whose properties feed one field twice", () => {
    const flavour = {
      kind: "longRunningOperation",
      schema: flavours.longRunningOperation.schema,
      properties: {
        first: {
          feeds: ["statusDetail"],
          field: "statusDetail",
          read: (value: unknown) => ({ statusDetail: value }),
        },
        id: { feeds: ["id"], field: "id", read: (value: unknown) => ({ id: value }) },
        second: {
          feeds: ["statusDetail"],
          field: "statusDetail",
          read: (value: unknown) => ({ statusDetail: value }),
        },
      },
    } as unknown as Flavour;
    const raw = {};
    // The first feeds nothing, the second wins: the field keeps the first one's place, before id.
    expect(Object.keys(normalise(flavour, { first: undefined, id: "op-1", second: "late" }, raw))).toEqual([
      "kind",
      "statusDetail",
      "id",
      "raw",
    ]);
    expect(normalise(flavour, { first: "early", id: "op-1", second: "late" }, raw)).toStrictEqual({
      kind: "longRunningOperation",
      statusDetail: "late",
      id: "op-1",
      raw,
    });
  });
});
