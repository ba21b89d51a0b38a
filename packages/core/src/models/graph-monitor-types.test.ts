import { describe, expect, it } from "vitest";
import { detectOperationKind, kindOfODataType } from "./detect-operation-kind.js";
import { graphMonitorTypes, odataTypeOfKind } from "./graph-monitor-types.js";
import { operationKinds } from "./operation-kind.js";
import { isPartlySucceeded, isTerminal } from "./operation-predicates.js";
import { parseOperation } from "./parse-operation.js";
import { statusVocabularyOfKind } from "./status-vocabularies.js";
import { documented, documentedTypes } from "./test-support/documented-monitors.js";

/** A payload of the type as its monitor could send it, with the status word given. */
function payloadOf(name: string, word: string): Record<string, unknown> {
  const status = name.startsWith("print") ? { state: word, description: "" } : word;
  return { "@odata.type": `#microsoft.graph.${name}`, id: "op-1", status };
}

describe("the documented types", () => {
  it("are all in the type list, with their versions, flavour and vocabulary", () => {
    const listed = new Map(graphMonitorTypes.map((type) => [type.name, type]));
    for (const [name, kind, versions, vocabulary] of documentedTypes) {
      expect(listed.get(name), name).toMatchObject({ kind, vocabulary, versions: versions.split(", ") });
    }
  });

  it("read as a flavour whose vocabulary is theirs, word for word", () => {
    for (const type of graphMonitorTypes) {
      const own = documented[type.vocabulary];
      const flavours = documented[statusVocabularyOfKind[type.kind]];
      expect(
        Object.keys(flavours)
          .map((word) => word.toLowerCase())
          .sort(),
        type.name,
      ).toStrictEqual(
        Object.keys(own)
          .map((word) => word.toLowerCase())
          .sort(),
      );
    }
  });

  it("name every flavour, and each flavour's written @odata.type reads back as it", () => {
    for (const kind of operationKinds) {
      expect(
        graphMonitorTypes.some((type) => type.kind === kind),
        kind,
      ).toBe(true);
      expect(kindOfODataType(odataTypeOfKind[kind])).toBe(kind);
    }
  });
});

describe.each(documentedTypes)("#microsoft.graph.%s", (name, kind, _versions, vocabulary) => {
  it(`reads as ${kind}, in any casing, with or without the hash`, () => {
    expect(kindOfODataType(`#microsoft.graph.${name}`)).toBe(kind);
    expect(kindOfODataType(`microsoft.graph.${name.toUpperCase()}`)).toBe(kind);
    expect(detectOperationKind(payloadOf(name, "running"))).toBe(kind);
  });

  it.each(Object.entries(documented[vocabulary]))(`reads the status %s as %s`, (word, meaning) => {
    const operation = parseOperation(payloadOf(name, word));
    expect(operation.kind).toBe(kind);
    expect(operation.rawStatus).toBe(word);
    expect(operation.status).toBe(meaning === "succeededPartly" ? "succeeded" : meaning);
    expect(isPartlySucceeded(operation)).toBe(meaning === "succeededPartly");
    expect(isTerminal(operation)).toBe(
      meaning === "succeeded" || meaning === "failed" || meaning === "succeededPartly",
    );
  });

  it("reads a word its vocabulary does not list as unknownFutureValue, never terminal", () => {
    const operation = parseOperation(payloadOf(name, "reticulatingSplines"));
    expect(operation.status).toBe("unknownFutureValue");
    expect(isTerminal(operation)).toBe(false);
  });
});
