import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

/** The boundary messages ESLint gives `code` as if it were the file at `path` (from the repository root). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter(
      (message) => message.ruleId === "no-restricted-imports" || message.ruleId === "no-restricted-syntax",
    )
    .map((message) => message.message);
}

describe("the import boundaries", () => {
  it("refuse an app importing another app, by name, subpath, dynamic import or relative path", async () => {
    const imports = [
      'import { startProxy } from "lro-proxy";',
      'export { parseConfig } from "lro-proxy";',
      'import "lro-proxy/package.json";',
      'await import("lro-proxy");',
      'import { startProxy } from "../../proxy/src/index.js";',
    ];
    for (const code of imports) {
      expect(await boundaryErrors("apps/tui/src/boundary-fixture.ts", code)).toEqual([
        expect.stringContaining("lro-tui is an app and apps never import apps"),
      ]);
    }
    expect(
      await boundaryErrors("apps/proxy/src/boundary-fixture.ts", 'import { main } from "lro-tui";'),
    ).toEqual([expect.stringContaining("lro-proxy is an app and apps never import apps")]);
  });

  it("refuse a package importing an app", async () => {
    expect(await boundaryErrors("packages/core/src/boundary-fixture.ts", 'import "lro-proxy";')).toEqual([
      expect.stringContaining("@lro/core is a package and packages never import apps"),
    ]);
    expect(
      await boundaryErrors(
        "packages/simulator/src/boundary-fixture.ts",
        'import "../../../apps/tui/src/index.js";',
      ),
    ).toHaveLength(1);
  });

  it("let apps import packages, and the demo and tooling import apps", async () => {
    expect(
      await boundaryErrors("apps/tui/src/boundary-fixture.ts", 'import { parseOperation } from "@lro/core";'),
    ).toEqual([]);
    expect(
      await boundaryErrors("apps/tui/src/boundary-fixture.ts", 'import { x } from "../proxy-source.js";'),
    ).toEqual([]);
    expect(await boundaryErrors("apps/tui/src/boundary-fixture.ts", 'import "lro-proxy-extras";')).toEqual(
      [],
    );
    const composing = 'import { startProxy } from "lro-proxy";\nimport { main } from "lro-tui";';
    expect(await boundaryErrors("apps/demo/src/boundary-fixture.ts", composing)).toEqual([]);
    expect(await boundaryErrors("tooling/bench/src/boundary-fixture.ts", composing)).toEqual([]);
  });

  it("make the app's own lint command fail on an app-to-app import", () => {
    const bin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin/eslint.js");
    const lint = spawnSync(
      process.execPath,
      [bin, "--stdin", "--stdin-filename", "src/boundary-fixture.ts"],
      {
        cwd: join(root, "apps/tui"),
        input: 'import { startProxy } from "lro-proxy";\nexport const start = startProxy;\n',
        encoding: "utf8",
      },
    );
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain("apps never import apps");
    expect(lint.stdout).toContain("no-restricted-imports");
  }, 30_000);
});
