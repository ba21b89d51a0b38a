import type { OperationKind } from "./operation-kind.js";
import type { OperationStatus } from "./operation-status.js";
import { statusVocabularies, statusVocabularyOfKind } from "./status-vocabularies.js";

type Vocabulary = Readonly<Record<string, OperationStatus>>;

const vocabularies: readonly Vocabulary[] = Object.values(statusVocabularies);

function lookUp(vocabulary: Vocabulary, key: string): OperationStatus | undefined {
  return Object.hasOwn(vocabulary, key) ? vocabulary[key] : undefined;
}

/**
 * Maps a status as Graph sent it to the normalised `OperationStatus`, case-insensitively: first in the
 * vocabulary of `kind` (when given), then in every other vocabulary (they never disagree). A value no
 * vocabulary knows is `unknownFutureValue`: never an exception, never terminal.
 */
export function normaliseStatus(raw: string, kind?: OperationKind): OperationStatus {
  const key = raw.trim().toLowerCase();
  if (kind !== undefined) {
    const own = lookUp(statusVocabularies[statusVocabularyOfKind[kind]], key);
    if (own !== undefined) return own;
  }
  for (const vocabulary of vocabularies) {
    const found = lookUp(vocabulary, key);
    if (found !== undefined) return found;
  }
  return "unknownFutureValue";
}

/** The word the flavour's own vocabulary uses for `status` (`unknownFutureValue` where it has none). */
export function statusWordOf(status: OperationStatus, kind: OperationKind): string {
  const vocabulary: Vocabulary = statusVocabularies[statusVocabularyOfKind[kind]];
  for (const [key, value] of Object.entries(vocabulary)) {
    if (value === status) return camelCaseWords[key] ?? key;
  }
  return "unknownFutureValue";
}

/** The documented spelling of each lower-cased vocabulary key. */
const camelCaseWords: Readonly<Record<string, string>> = {
  notstarted: "notStarted",
  inprogress: "inProgress",
  unknownfuturevalue: "unknownFutureValue",
  deletepending: "deletePending",
  deletefailed: "deleteFailed",
  partiallysucceeded: "partiallySucceeded",
  submissionfailed: "submissionFailed",
};
