import { setMaxListeners } from "node:events";

const raised = new WeakSet<AbortSignal>();

/**
 * Lets one AbortSignal stop thousands of polls: each poll listens to it, and Node would otherwise warn of
 * a listener leak past ten. Only the warning threshold changes; the signal behaves as before.
 */
export function allowManyListeners(signal: AbortSignal): void {
  if (raised.has(signal)) return;
  setMaxListeners(0, signal);
  raised.add(signal);
}
