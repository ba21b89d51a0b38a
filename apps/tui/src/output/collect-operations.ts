import { NEVER, filter, firstValueFrom, merge, mergeMap, of, throwError, timer } from "rxjs";
import type { OperationSource } from "../sources/operation-source.js";
import { isFinished } from "../state/entry-status.js";
import type { OperationsState } from "../state/operations-state.js";
import { operationStates } from "../state/operation-states.js";
import { isErrorClass, TuiError } from "../errors/tui-error.js";

/** The source cannot be reached; plain output fails at once instead of retrying behind a script's back. */
export class SourceUnavailableError extends TuiError {
  readonly code = "sourceUnavailable";

  constructor(reason: string) {
    super(reason);
  }

  static override isInstance = isErrorClass<SourceUnavailableError>("SourceUnavailableError");
}

/** --timeout ran out: `state` is what was known by then (printed when the list was complete). */
export class CollectTimeoutError extends TuiError {
  readonly code = "collectTimeout";

  constructor(
    readonly timeoutMs: number,
    readonly state: OperationsState | undefined,
  ) {
    const reason = state?.connection.state === "reconnecting" ? `: ${state.connection.reason}` : "";
    super(`no complete answer within ${timeoutMs / 1000} s${reason}`);
  }

  static override isInstance = isErrorClass<CollectTimeoutError>("CollectTimeoutError");
}

/**
 * Follows a source until every operation has been listed (and, with `wait`, until every one has finished),
 * then resolves with the state and disconnects. Fails when the source cannot be reached before listing;
 * once listed, `wait` rides out reconnections (the stream resumes where it broke). `onState` sees every
 * Past `timeoutMs` it fails with a `CollectTimeoutError` holding the latest state.
 */
export function collectOperations(
  source: OperationSource,
  options: { wait: boolean; timeoutMs?: number | undefined },
): Promise<OperationsState> {
  let latest: OperationsState | undefined;
  const timeoutMs = options.timeoutMs;
  const deadline$ =
    timeoutMs === undefined
      ? NEVER
      : timer(timeoutMs).pipe(mergeMap(() => throwError(() => new CollectTimeoutError(timeoutMs, latest))));
  const states$ = operationStates(source.events$, 20).pipe(
    mergeMap((state) => {
      latest = state;
      const connection = state.connection;
      if (state.listed || connection.state !== "reconnecting") return of(state);
      return throwError(() => new SourceUnavailableError(connection.reason));
    }),
    filter((state) => state.listed && (!options.wait || [...state.entries.values()].every(isFinished))),
  );
  return firstValueFrom(merge(states$, deadline$));
}
