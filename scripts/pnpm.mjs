#!/usr/bin/env node
// Runs the pinned pnpm, so that a machine with only Node.js and npm can build and test the project.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pinned = manifest.packageManager;
const installed = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
const useInstalled = installed.status === 0 && `pnpm@${installed.stdout.trim()}` === pinned;
const [command, prefix] = useInstalled ? ["pnpm", []] : ["npx", ["--yes", pinned]];
const result = spawnSync(command, [...prefix, ...process.argv.slice(2)], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
