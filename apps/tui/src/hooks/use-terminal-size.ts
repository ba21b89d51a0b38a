import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Ink 8 types its stdout as any writable stream: a terminal's has `columns` and `rows`, a pipe's none. */
type Output = NodeJS.WritableStream & { columns?: number; rows?: number };

const read = (stdout: Output): TerminalSize => ({
  columns: stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : 80,
  rows: stdout.rows !== undefined && stdout.rows > 0 ? stdout.rows : 24,
});

/** The terminal's size, following `resize` events; `fixed` overrides it (tests, fixed-size embedding). */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => fixed ?? read(stdout));
  // By value: callers pass a new object on every render.
  const fixedColumns = fixed?.columns;
  const fixedRows = fixed?.rows;
  useEffect(() => {
    if (fixedColumns !== undefined && fixedRows !== undefined) {
      setSize({ columns: fixedColumns, rows: fixedRows });
      return;
    }
    const onResize = () => setSize(read(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixedColumns, fixedRows]);
  return size;
}
