import { readFileSync } from "node:fs";

/** lro-tui's version, from its package.json (two levels up from src/ and dist/ alike). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** Whether the command line asks for the version (`--version`, anywhere): it is printed, nothing else runs. */
export function asksForVersion(argv: readonly string[]): boolean {
  return argv.includes("--version");
}
