import { join } from "node:path";
import { build } from "esbuild";
import type { Metafile } from "esbuild";

const sourceRoot = join(import.meta.dirname, "..", "..");

export interface Bundle {
  code: string;
  /** Every module the bundle took in, as paths relative to the working directory. */
  inputs: string[];
  metafile: Metafile;
}

/**
 * Bundles an entry of @lro/core's sources the way an app's bundler would for `platform` (esbuild picks
 * the export conditions of that platform: `browser`/`default`, or `node`), with rxjs and zod inside.
 */
export async function bundle(entry: string, platform: "browser" | "node"): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(sourceRoot, entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform,
    target: "es2022",
    // The workspace's own condition: @lro/core's TypeScript sources instead of its build.
    conditions: ["@lro/source"],
    metafile: true,
    logLevel: "silent",
  });
  return {
    code: result.outputFiles[0]!.text,
    inputs: Object.keys(result.metafile.inputs),
    metafile: result.metafile,
  };
}
