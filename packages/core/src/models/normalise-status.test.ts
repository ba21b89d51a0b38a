import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseStatus, statusWordMeaning, statusWordOf } from "./normalise-status.js";
import { operationKinds } from "./operation-kind.js";
import { operationStatuses } from "./operation-status.js";
import type { OperationStatus } from "./operation-status.js";
import { statusVocabularies } from "./status-vocabularies.js";
import type { StatusWordMeaning } from "./status-vocabularies.js";
import { anyCasing, newStatusWord } from "./test-support/flavour-arbitraries.js";
import { documented } from "./test-support/documented-monitors.js";

const statusOf = (meaning: StatusWordMeaning): OperationStatus =>
  meaning === "succeededPartly" ? "succeeded" : meaning;

describe.each(Object.entries(documented))("the %s vocabulary", (name, words) => {
  it.each(Object.entries(words))("reads %s as %s", (word, meaning) => {
    const status = statusOf(meaning);
    expect(statusWordMeaning(word)).toBe(meaning);
    expect(normaliseStatus(word)).toBe(status);
    expect(normaliseStatus(word.toUpperCase())).toBe(status);
    expect(normaliseStatus(word.toLowerCase())).toBe(status);
    expect(normaliseStatus(` ${word} `)).toBe(status);
  });

  it("lists exactly the documented words", () => {
    const table = statusVocabularies[name as keyof typeof statusVocabularies];
    const lowerCase = (list: string[]) => list.map((word) => word.toLowerCase()).sort();
    expect(lowerCase(Object.keys(table))).toStrictEqual(lowerCase(Object.keys(words)));
  });
});

describe("normaliseStatus", () => {
  it("reads Completed, complete and completed as succeeded whatever the flavour", () => {
    for (const kind of operationKinds) {
      for (const word of ["Completed", "complete", "completed", "COMPLETED"]) {
        expect(normaliseStatus(word, kind)).toBe("succeeded");
      }
    }
  });

  it("reads words no vocabulary knows as unknownFutureValue", () => {
    expect(normaliseStatus("Canceling")).toBe("unknownFutureValue");
    expect(normaliseStatus("")).toBe("unknownFutureValue");
    expect(normaliseStatus("constructor")).toBe("unknownFutureValue");
    expect(normaliseStatus("__proto__", "asyncJobStatus")).toBe("unknownFutureValue");
  });

  it("finds no word that two vocabularies read differently", () => {
    const meanings = new Map<string, StatusWordMeaning>();
    for (const vocabulary of Object.values(statusVocabularies)) {
      for (const [documentedWord, status] of Object.entries(vocabulary)) {
        const word = documentedWord.toLowerCase();
        expect(meanings.get(word) ?? status).toBe(status);
        meanings.set(word, status);
      }
    }
  });

  it("is case-insensitive and total on any string (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...operationKinds), (word, kind) => {
        const status = normaliseStatus(word, kind);
        expect(operationStatuses).toContain(status);
        expect(normaliseStatus(word.toUpperCase(), kind)).toBe(normaliseStatus(word.toLowerCase(), kind));
      }),
    );
  });

  it("keeps new words unknown in any casing (property)", () => {
    fc.assert(
      fc.property(newStatusWord.chain(anyCasing), (word) => {
        expect(normaliseStatus(word)).toBe("unknownFutureValue");
      }),
    );
  });
});

describe("statusWordOf", () => {
  it.each([
    ["asyncJobStatus", "succeeded", "completed"],
    ["asyncJobStatus", "running", "inProgress"],
    ["teamsAsyncOperation", "failed", "failed"],
    ["teamsAsyncOperation", "running", "inProgress"],
    ["dataPolicyOperation", "succeeded", "complete"],
    ["operation", "succeeded", "completed"],
    ["onenoteOperation", "unknownFutureValue", "unknownFutureValue"],
    ["workbookOperation", "unknownFutureValue", "unknownFutureValue"],
    ["richLongRunningOperation", "notStarted", "notStarted"],
    ["commsOperation", "succeeded", "completed"],
    ["teamworkDeviceOperation", "succeeded", "Successful"],
    ["teamworkDeviceOperation", "notStarted", "Queued"],
    ["placeOperation", "notStarted", "created"],
    ["placeOperation", "running", "inProgress"],
    ["approvalOperation", "notStarted", "scheduled"],
    ["caseOperation", "failed", "failed"],
    ["configurationSnapshotJob", "succeeded", "succeeded"],
    ["connectionOperation", "running", "inprogress"],
  ] as const)("writes %s %s as %s", (kind, status, word) => {
    expect(statusWordOf(status, kind)).toBe(word);
  });

  it("writes a word every flavour reads back as the same status", () => {
    for (const kind of operationKinds) {
      for (const status of operationStatuses) {
        expect(normaliseStatus(statusWordOf(status, kind), kind)).toBe(status);
      }
    }
  });
});
