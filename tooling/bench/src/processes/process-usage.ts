/** What a benchmark process cost: CPU over a measured span and its peak resident memory. */
export interface ProcessUsage {
  /** User + system CPU over the measured span, in ms. */
  cpuMs: number;
  /** Wall-clock length of the measured span, in ms. */
  wallMs: number;
  /** Peak resident set size of the whole process life, in MB (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
}

/** Starts measuring; the returned function reads the usage since then. */
export function measureUsage(): () => ProcessUsage {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  return () => {
    const cpu = process.cpuUsage(cpuStart);
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallStart,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  };
}
