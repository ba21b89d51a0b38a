import { filter, firstValueFrom, mergeMap, of, scan, throwError } from "rxjs";
import type { OperationSource } from "../sources/operation-source.js";
import { isFinished } from "../state/entry-status.js";
import type { OperationsState } from "../state/operations-state.js";
import { applySourceEvent, initialOperationsState } from "../state/operations-state.js";

/** The source cannot be reached; plain output fails at once instead of retrying behind a script's back. */
export class SourceUnavailableError extends Error {
  readonly code = "SOURCE_UNAVAILABLE";

  constructor(reason: string) {
    super(reason);
    this.name = "SourceUnavailableError";
  }
}

/**
 * Follows a source until every operation has been listed (and, with `wait`, until every one has finished),
 * then resolves with the state and disconnects. Fails when the source cannot be reached before listing;
 * once listed, `wait` rides out reconnections (the stream resumes where it broke).
 */
export function collectOperations(
  source: OperationSource,
  options: { wait: boolean },
): Promise<OperationsState> {
  return firstValueFrom(
    source.events$.pipe(
      scan(applySourceEvent, initialOperationsState),
      mergeMap((state) => {
        const connection = state.connection;
        if (state.listed || connection.state !== "reconnecting") return of(state);
        return throwError(() => new SourceUnavailableError(connection.reason));
      }),
      filter((state) => state.listed && (!options.wait || [...state.entries.values()].every(isFinished))),
    ),
  );
}
