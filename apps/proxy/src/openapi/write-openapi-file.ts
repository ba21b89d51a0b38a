import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultPrefixes } from "../config/proxy-config-schema.js";
import { packageVersion } from "../lifecycle/package-version.js";
import { createOpenApiDocument } from "./openapi-document.js";

/** Where the committed copy lives: `apps/proxy/openapi.json`. */
export const openApiFile = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** The committed copy's text: the default prefixes, servers relative to the document. */
export function openApiFileText(): string {
  const document = createOpenApiDocument({ prefixes: defaultPrefixes, base: "", version: packageVersion() });
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `pnpm --filter lro-proxy openapi`: writes the committed copy; `--check` fails when it is stale instead. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const text = openApiFileText();
  if (argv.includes("--check")) {
    const committed = readFileSync(openApiFile, "utf8");
    if (committed !== text) {
      console.error(`${openApiFile} is stale: run pnpm --filter lro-proxy openapi`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(openApiFile, text);
  console.log(`wrote ${openApiFile}`);
}
