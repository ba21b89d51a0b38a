import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutColumns } from "./table-layout.js";

const ids = (width: number) => layoutColumns(width, 13).map((column) => column.id);
const used = (width: number) => {
  const columns = layoutColumns(width, 13);
  return columns.reduce((total, column) => total + column.width, 0) + columns.length - 1;
};

describe("layoutColumns", () => {
  it("shows every column on a wide terminal, in display order", () => {
    expect(ids(120)).toEqual(["id", "kind", "status", "progress", "eta", "age", "lastAction", "detail"]);
  });

  it("drops the least useful columns first as the terminal narrows", () => {
    expect(ids(80)).toEqual(["id", "kind", "status", "progress", "eta", "age", "detail"]);
    expect(ids(72)).toEqual(["id", "kind", "status", "progress", "age", "detail"]);
    expect(ids(58)).toEqual(["id", "kind", "status", "progress", "age"]);
    expect(ids(51)).toEqual(["id", "kind", "status", "progress"]);
    expect(ids(40)).toEqual(["id", "status", "progress"]);
    expect(ids(22)).toEqual(["id", "status"]);
  });

  it("fills the width exactly whenever the status column fits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 400 }), (width) => {
        expect(used(width)).toBe(width);
      }),
    );
  });

  it("gives kind room for Graph's long names once detail has plenty, and keeps 120 columns as they were", () => {
    const width = (total: number, id: string) =>
      layoutColumns(total, 13).find((column) => column.id === id)?.width;
    // "attackSimulationOperation" and "engagementAsyncOperation" end in "…" at 20 cells.
    expect(width(197, "kind")).toBe(26);
    expect(width(197, "detail")).toBeGreaterThan(60);
    expect([width(117, "kind"), width(117, "detail")]).toEqual([20, 36]);
  });

  it("widens the time columns to their translated headings, up to ten cells", () => {
    const columns = layoutColumns(140, 13, { eta: 8, age: 7, lastAction: 14, id: 30 });
    const width = (id: string) => columns.find((column) => column.id === id)?.width;
    expect([width("eta"), width("age"), width("lastAction"), width("id")]).toEqual([8, 7, 10, 8]);
  });
});
