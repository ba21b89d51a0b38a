/** One column of a printed table: its header and how to read a row's cell. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number | null;
}

const text = (value: string | number | null): string => (value === null ? "-" : String(value));

/** A plain-text table with right-aligned numbers, for the terminal. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => text(line[index] ?? null).length)),
  );
  const line = (values: readonly (string | number | null)[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return typeof value === "number" ? text(value).padStart(width) : text(value).padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(columns.map((column) => column.header)), rule, ...cells.map(line)].join("\n");
}

/** Prints a titled table. */
export function printTable<Row>(title: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  console.log(`\n${title}\n${formatTable(columns, rows)}`);
}
