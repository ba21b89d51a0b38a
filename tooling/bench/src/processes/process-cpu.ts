import { readFileSync } from "node:fs";

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node.js runs on.
const ticksPerSecond = 100;

/** CPU time a process used so far, user and system, in ms (Linux `/proc`). */
export function processCpuMs(pid: number): number {
  // The fields after the command name (which may hold spaces) start after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
