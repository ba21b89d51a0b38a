const raised = new WeakSet<AbortSignal>();

interface NodeEvents {
  setMaxListeners(count: number, ...targets: EventTarget[]): void;
}

// Node's own module, reached at run time so that no bundler for a browser sees an import of it.
const nodeEvents = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:events") as NodeEvents | undefined;

/**
 * Lets one AbortSignal stop thousands of polls: each poll listens to it, and Node would otherwise warn of
 * a listener leak past ten. Only the warning threshold changes; the signal behaves as before. Elsewhere
 * (browsers, edge runtimes) there is no such warning and nothing to do.
 */
export function allowManyListeners(signal: AbortSignal): void {
  if (nodeEvents === undefined || raised.has(signal)) return;
  nodeEvents.setMaxListeners(0, signal);
  raised.add(signal);
}

/** Why `signal` aborted: its reason, or an AbortError where it gave none. */
export function abortReasonOf(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The poll was aborted", "AbortError");
}
