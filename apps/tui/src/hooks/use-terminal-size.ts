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
  useEffect(() => {
    if (fixed !== undefined) {
      setSize(fixed);
      return;
    }
    const onResize = () => setSize(read(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed?.columns, fixed?.rows]);
  return size;
}
