import { cpus, loadavg } from "node:os";

/** The machine a run was measured on. Figures under load are noisy, so the load average is kept with them. */
export interface Machine {
  node: string;
  platform: string;
  cpus: string;
  loadAverage: number[];
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: `${list.length} × ${list[0]?.model.trim() ?? "unknown"}`,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
