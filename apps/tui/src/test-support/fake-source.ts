import type { Operation } from "@lro/core";
import { Subject } from "rxjs";
import type { OperationSource, SourceEvent } from "../sources/operation-source.js";

/** A source the test drives by hand: `emit` events, read what `stop` was asked for. */
export function createFakeSource(mode: "proxy" | "core" = "core") {
  const events = new Subject<SourceEvent>();
  const stopped: string[] = [];
  let stopFailure: Error | undefined;
  let reconnections = 0;
  const source: OperationSource = {
    mode,
    events$: events.asObservable(),
    reconnect() {
      reconnections += 1;
      return mode === "proxy";
    },
    async stop(key) {
      stopped.push(key);
      if (stopFailure !== undefined) throw stopFailure;
      events.next({ type: "removed", key, at: Date.now() });
    },
  };
  return {
    source,
    stopped,
    reconnections: () => reconnections,
    emit: (event: SourceEvent) => events.next(event),
    update: (operation: Operation, at = Date.now(), monitorUrl?: string) =>
      events.next({ type: "operation", update: { key: operation.id ?? "?", operation, monitorUrl }, at }),
    failStops: (error: Error) => {
      stopFailure = error;
    },
    fail: (error: Error) => events.error(error),
  };
}
