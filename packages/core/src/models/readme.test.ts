import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { graphMonitorTypes } from "./graph-monitor-types.js";
import { operationKinds } from "./operation-kind.js";
import { statusVocabularies } from "./status-vocabularies.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const table = readme.slice(readme.indexOf("### Supported monitors"), readme.indexOf("### Partly succeeded"));

describe("the README's table of supported monitors", () => {
  it.each(graphMonitorTypes.map((type) => [type.name, type.kind] as const))("names %s (%s)", (name, kind) => {
    const last = name.slice(name.lastIndexOf(".") + 1);
    expect(table.includes(`\`${name}\``) || table.includes(`…${last.replace(/^ediscovery/, "")}\``)).toBe(
      true,
    );
    expect(table).toContain(`\`${kind}\``);
  });

  it("names every flavour and every status word", () => {
    for (const kind of operationKinds) expect(table).toContain(`\`${kind}\``);
    for (const vocabulary of Object.values(statusVocabularies))
      for (const word of Object.keys(vocabulary)) expect(table).toContain(`\`${word}\``);
  });
});
