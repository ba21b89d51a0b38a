import { cpus, loadavg } from "node:os";

/** The machine a run was measured on. Figures under load are noisy, so the load average is kept with them. */
export interface Machine {
  node: string;
  platform: string;
  cpus: string;
  /** Runnable processes averaged over the last 1, 5 and 15 minutes. */
  loadAverage: { oneMinute: number; fiveMinutes: number; fifteenMinutes: number };
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: `${list.length} × ${list[0]?.model.trim() ?? "unknown"}`,
    loadAverage: loadAverage(),
  };
}

function loadAverage(): Machine["loadAverage"] {
  const [oneMinute = 0, fiveMinutes = 0, fifteenMinutes = 0] = loadavg().map(
    (value) => Math.round(value * 100) / 100,
  );
  return { oneMinute, fiveMinutes, fifteenMinutes };
}
