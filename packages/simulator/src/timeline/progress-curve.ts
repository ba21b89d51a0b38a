import type { ProgressCurve } from "../scenario/scenario.js";

const easeInOutCubic = (fraction: number): number =>
  fraction < 0.5 ? 4 * fraction ** 3 : 1 - (-2 * fraction + 2) ** 3 / 2;

/** The whole percentage (0..100) reported at `fraction` (0..1) of the running time; undefined for "none". */
export function percentAt(curve: ProgressCurve, fraction: number): number | undefined {
  const bounded = Math.min(1, Math.max(0, fraction));
  switch (curve) {
    case "none":
      return undefined;
    case "linear":
      return Math.floor(100 * bounded);
    case "steps":
      return Math.min(100, Math.floor(bounded * 4) * 25);
    case "ease":
      return Math.floor(100 * easeInOutCubic(bounded));
  }
}
