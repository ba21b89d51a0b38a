import type { Translate } from "../i18n/translator.js";
import { collectOperations } from "../output/collect-operations.js";
import { exitCodeOf, formatNdjson, formatPlainTable } from "../output/plain-output.js";
import type { OperationSource } from "../sources/operation-source.js";
import { sortEntries } from "../state/sort-orders.js";
import type { OutputOptions } from "./arguments.js";

/** Without a terminal (or with --once/--json): print the operations once, as a table or NDJSON; the exit status. */
export async function printOperations(
  source: OperationSource,
  output: OutputOptions,
  write: (text: string) => void,
  translate: Translate,
): Promise<number> {
  const state = await collectOperations(source, { wait: output.wait });
  const entries = sortEntries([...state.entries.values()], "newest");
  write(output.json ? formatNdjson(entries) : formatPlainTable(entries, translate, Date.now()));
  return exitCodeOf(entries);
}
