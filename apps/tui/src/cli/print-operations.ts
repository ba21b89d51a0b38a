import type { Translate } from "../i18n/translator.js";
import { CollectTimeoutError, collectOperations } from "../output/collect-operations.js";
import { exitCodeOf, formatNdjson, formatPlainTable } from "../output/plain-output.js";
import type { OperationSource } from "../sources/operation-source.js";
import type { OperationsState } from "../state/operations-state.js";
import { defaultSort, sortEntries } from "../state/sort-orders.js";
import type { OutputOptions } from "./arguments.js";

/**
 * Without a terminal (or with --once/--json): print the operations once, as a table or NDJSON; the exit
 * status. When --timeout runs out after the list was complete (--wait), what is known is printed and the
 * status is 1; before, it fails (no list to print).
 */
export async function printOperations(
  source: OperationSource,
  output: OutputOptions,
  write: (text: string) => void,
  translate: Translate,
  writeError: (text: string) => void = () => undefined,
): Promise<number> {
  let state: OperationsState;
  let timedOut = false;
  try {
    state = await collectOperations(source, { wait: output.wait, timeoutMs: output.timeoutMs });
  } catch (error) {
    if (!(error instanceof CollectTimeoutError) || error.state?.listed !== true) throw error;
    state = error.state;
    timedOut = true;
  }
  const entries = sortEntries([...state.entries.values()], defaultSort);
  write(output.json ? formatNdjson(entries) : formatPlainTable(entries, translate, Date.now()));
  if (timedOut) {
    writeError(`${translate("error.timedOut", { seconds: (output.timeoutMs ?? 0) / 1000 })}\n`);
    return 1;
  }
  return exitCodeOf(entries);
}
