export const columnIds = ["id", "kind", "status", "progress", "eta", "age", "lastAction", "detail"] as const;
export type ColumnId = (typeof columnIds)[number];

export interface Column {
  id: ColumnId;
  width: number;
}

/** Narrowest useful width of each column; `detail` and `kind` take what is left over. */
const minimumWidths: Record<ColumnId, number> = {
  id: 8,
  kind: 12,
  status: 12,
  progress: 15,
  eta: 6,
  age: 6,
  lastAction: 6,
  detail: 12,
};

const timeColumns = new Set<ColumnId>(["eta", "age", "lastAction"]);

/** Which columns survive as the terminal narrows: the first ones are kept longest. */
const keepOrder: readonly ColumnId[] = [
  "status",
  "id",
  "progress",
  "kind",
  "detail",
  "age",
  "eta",
  "lastAction",
];

const kindMaximum = 20;
/** Room for Graph's longest kinds (`attackSimulationOperation`), taken only from a detail this wide. */
const kindWide = 26;
const detailComfortable = 40;

/**
 * The columns that fit in `width` terminal cells (one cell between columns), in display order; the time
 * columns are as wide as their translated headings (`headingWidths`, display cells). The least
 * useful columns are dropped first; spare cells go to `detail`, or to `kind` (then `status`) when it is dropped.
 */
export function layoutColumns(
  width: number,
  statusWidth: number,
  headingWidths: Partial<Record<ColumnId, number>> = {},
): Column[] {
  const widthOf = (id: ColumnId) => {
    if (id === "status") return Math.max(statusWidth, 4);
    // The narrow time columns widen to their heading (up to 10 cells): "Осталось" is not cut to "Остал…".
    const heading = timeColumns.has(id) ? Math.min(10, headingWidths[id] ?? 0) : 0;
    return Math.max(minimumWidths[id], heading);
  };
  const kept = new Set<ColumnId>();
  let used = 0;
  for (const id of keepOrder) {
    const needed = widthOf(id) + (kept.size === 0 ? 0 : 1);
    if (used + needed > width) {
      if (kept.size === 0) kept.add(id);
      continue;
    }
    kept.add(id);
    used += needed;
  }
  const columns = columnIds.filter((id) => kept.has(id)).map((id) => ({ id, width: widthOf(id) }));
  let spare = Math.max(0, width - used);
  const kind = columns.find((column) => column.id === "kind");
  if (kind !== undefined) {
    const extra = Math.min(spare, kindMaximum - kind.width);
    kind.width += extra;
    spare -= extra;
  }
  const flexible =
    columns.find((column) => column.id === "detail") ??
    kind ??
    columns.find((column) => column.id === "status");
  if (flexible !== undefined) flexible.width += spare;
  const detail = columns.find((column) => column.id === "detail");
  if (kind !== undefined && detail !== undefined && detail.width > detailComfortable) {
    const moved = Math.min(detail.width - detailComfortable, kindWide - kind.width);
    kind.width += moved;
    detail.width -= moved;
  }
  if (columns.length === 1 && columns[0] !== undefined) columns[0].width = Math.max(1, width);
  return columns;
}
