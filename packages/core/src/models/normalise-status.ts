import type { OperationKind } from "./operation-kind.js";
import type { OperationStatus } from "./operation-status.js";
import { statusVocabularies, statusVocabularyOfKind } from "./status-vocabularies.js";
import type { StatusVocabularyName, StatusWordMeaning } from "./status-vocabularies.js";

type LowerCaseVocabulary = ReadonlyMap<string, StatusWordMeaning>;

/** Each vocabulary keyed by its lower-case words. */
const lowerCaseVocabularies = new Map<StatusVocabularyName, LowerCaseVocabulary>(
  Object.entries(statusVocabularies).map(([name, words]) => [
    name as StatusVocabularyName,
    new Map(
      Object.entries(words).map(([word, meaning]): [string, StatusWordMeaning] => [
        word.toLowerCase(),
        meaning,
      ]),
    ),
  ]),
);

/**
 * What a status word as Graph sent it means, case-insensitively: first in the vocabulary of `kind`
 * (when given), then in every other vocabulary (no two read a word differently). A word no vocabulary
 * knows is `unknownFutureValue`: never an exception, never terminal.
 */
export function statusWordMeaning(raw: string, kind?: OperationKind): StatusWordMeaning {
  const key = raw.trim().toLowerCase();
  if (kind !== undefined) {
    const own = lowerCaseVocabularies.get(statusVocabularyOfKind[kind])?.get(key);
    if (own !== undefined) return own;
  }
  for (const vocabulary of lowerCaseVocabularies.values()) {
    const found = vocabulary.get(key);
    if (found !== undefined) return found;
  }
  return "unknownFutureValue";
}

/** A status as Graph sent it, as the normalised `OperationStatus` (`partiallySucceeded` reads as `succeeded`). */
export function normaliseStatus(raw: string, kind?: OperationKind): OperationStatus {
  const meaning = statusWordMeaning(raw, kind);
  return meaning === "succeededPartly" ? "succeeded" : meaning;
}

/** The word the flavour's own vocabulary uses for `status` (`unknownFutureValue` where it has none). */
export function statusWordOf(status: OperationStatus, kind: OperationKind): string {
  const vocabulary: Readonly<Record<string, StatusWordMeaning>> =
    statusVocabularies[statusVocabularyOfKind[kind]];
  for (const [word, meaning] of Object.entries(vocabulary)) if (meaning === status) return word;
  return "unknownFutureValue";
}
