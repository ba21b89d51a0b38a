#!/usr/bin/env node
// The release checks, on what would be published: `changeset status`; every publishable package packed
// (`pnpm pack`, as `changeset publish` packs) and its tarball checked (metadata, LICENSE, no workspace-only
// export condition, every source map's sources inside, publint, @arethetypeswrong/cli); the tarballs
// installed with plain npm in a scratch project, every binary's --help and --version run, lro-proxy
// started, and a consumer typechecked with skipLibCheck false; then the proxy's tarball installed fresh
// with pnpm and started, without any build step. Exits non-zero on any failure.
//
// Run it on the project's Node.js with its pnpm (node scripts/toolchain.mjs -- node scripts/release-check.mjs);
// `.ci/run` does. Keeps its scratch folder when LRO_KEEP_SCRATCH=1.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(join(tmpdir(), "lro-release-check-"));
const problems = [];
const started = Date.now();

function note(message) {
  console.log(`release-check: ${message}`);
}
function fail(message) {
  problems.push(message);
  console.log(`release-check: FAILED: ${message}`);
}

/** Runs a command to its end; returns its status and output (shown on failure unless `quiet`). */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 600_000,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const status = result.status ?? 1;
  if (status !== 0 && options.label !== undefined) fail(`${options.label}:\n${output.trim()}`);
  return { status, output, stdout: result.stdout ?? "" };
}

// The workspace's packages, from pnpm-workspace.yaml's `packages:` globs (folder/* only).
function workspacePackages() {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const block = /^packages:\n((?:\s+-\s+.+\n)+)/m.exec(yaml)?.[1] ?? "";
  const folders = [...block.matchAll(/-\s+["']?([^"'\n]+?)\/\*["']?\s*$/gm)].map((match) => match[1]);
  return folders.flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder))
          .map((name) => join(root, folder, name))
          .filter((directory) => existsSync(join(directory, "package.json")))
      : [],
  );
}

/** `exports` or `imports` without the workspace-only `@lro/source` condition, as publishConfig must publish them. */
function withoutSourceCondition(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "@lro/source")
      .map(([key, entry]) => [key, withoutSourceCondition(entry)]),
  );
}

function checkManifest(directory, manifest) {
  const name = manifest.name;
  for (const field of ["description", "license", "repository", "homepage", "bugs", "engines"]) {
    if (manifest[field] === undefined) fail(`${name}: package.json has no "${field}"`);
  }
  if (!existsSync(join(directory, "LICENSE"))) fail(`${name}: no LICENSE file next to its package.json`);
  for (const field of ["exports", "imports"]) {
    if (manifest[field] === undefined) continue;
    const expected = JSON.stringify(withoutSourceCondition(manifest[field]));
    const published = JSON.stringify(manifest.publishConfig?.[field]);
    if (published !== expected) {
      fail(
        `${name}: publishConfig.${field} must be "${field}" without the "@lro/source" condition: ${expected}`,
      );
    }
  }
}

function tarballFiles(tarball) {
  return run("tar", ["-tzf", tarball]).stdout.split("\n").filter(Boolean);
}

function readFromTarball(tarball, path) {
  return run("tar", ["-xzOf", tarball, path]).stdout;
}

/** Whether a package can be imported (a command-only package such as lro-tui cannot). */
function hasEntryPoint(manifest) {
  return manifest.exports !== undefined || manifest.main !== undefined;
}

function checkTarball(name, tarball) {
  const files = new Set(tarballFiles(tarball));
  const packed = JSON.parse(readFromTarball(tarball, "package/package.json"));
  if (JSON.stringify(packed).includes("@lro/source"))
    fail(`${name}: the packed package.json names "@lro/source"`);
  if (JSON.stringify(packed).match(/"(workspace|catalog):/))
    fail(`${name}: the packed package.json keeps a workspace: or catalog: range`);
  if (!files.has("package/LICENSE")) fail(`${name}: the tarball has no LICENSE`);
  for (const file of files) {
    // Packers always include files named README*, whatever "files" says: a readme.test.ts comes along.
    const readme = /\/readme[^/]*$/i.test(file);
    if (!readme && /\.test\.(ts|tsx|js)$|\/test-support\//.test(file)) {
      fail(`${name}: the tarball ships test code: ${file}`);
    }
    if (!file.endsWith(".map")) continue;
    const map = JSON.parse(readFromTarball(tarball, file));
    for (const source of map.sources ?? []) {
      const target = join(dirname(file), map.sourceRoot ?? "", source);
      if (!files.has(target)) fail(`${name}: ${file} maps to ${source}, which is not in the tarball`);
    }
  }
  for (const [bin, path] of Object.entries(packed.bin ?? {})) {
    if (!files.has(join("package", path))) fail(`${name}: its binary ${bin} (${path}) is not in the tarball`);
  }
  run("pnpm", ["exec", "publint", "run", tarball, "--strict"], { label: `${name}: publint` });
  if (hasEntryPoint(packed)) {
    run("pnpm", ["exec", "attw", tarball, "--profile", "esm-only", "--no-emoji", "--no-color"], {
      label: `${name}: @arethetypeswrong/cli`,
    });
  } else {
    note(`${name}: a command only (no exports): its types are not checked by attw`);
  }
  return packed;
}

/** Starts an installed lro-proxy, asks /healthz and /operations, stops it with SIGTERM: resolves to a problem or undefined. */
function startProxy(bin, cwd) {
  const apiKey = "release-check-key-0123456789abcdef";
  const dataDir = mkdtempSync(join(scratch, "data-"));
  return new Promise((resolveStart) => {
    const child = spawn(
      bin,
      ["--port", "0", "--api-key", apiKey, "--data-dir", dataDir, "--log-level", "info"],
      {
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    let settled = false;
    const settle = (problem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (problem === undefined) {
        child.once("close", (code, signal) =>
          resolveStart(
            code === 0 || signal === "SIGTERM"
              ? undefined
              : `exit ${code ?? signal} after SIGTERM:\n${output}`,
          ),
        );
        child.kill("SIGTERM");
      } else {
        child.kill("SIGKILL");
        resolveStart(`${problem}\n${output}`);
      }
    };
    const timer = setTimeout(() => settle("did not report listening within 60 s"), 60_000);
    child.on("error", (error) => settle(error.message));
    child.on("close", (code) => settle(`exited (${code}) before listening`));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url === undefined || settled) return;
      Promise.all([fetch(`${url}/healthz`), fetch(`${url}/operations`, { headers: { "x-api-key": apiKey } })])
        .then(([health, operations]) =>
          settle(
            health.status === 200 && operations.status === 200
              ? undefined
              : `answered /healthz ${health.status}, /operations ${operations.status}`,
          ),
        )
        .catch((error) => settle(`did not answer: ${error.message}`));
    });
  });
}

function checkBinaries(projectDir, packages, how) {
  for (const { name, version, bin } of packages) {
    for (const command of Object.keys(bin ?? {})) {
      const path = join(projectDir, "node_modules", ".bin", command);
      const help = run(path, ["--help"], { cwd: projectDir, timeoutMs: 60_000 });
      if (help.status !== 0 || !/usage|uso|用法|использование/i.test(help.output)) {
        fail(`${how}: ${command} --help (exit ${help.status}):\n${help.output}`);
      }
      const shown = run(path, ["--version"], { cwd: projectDir, timeoutMs: 60_000 });
      if (shown.status !== 0 || shown.stdout.trim() !== version) {
        fail(
          `${how}: ${command} --version printed ${JSON.stringify(shown.output.trim())}, not ${name}'s ${version}`,
        );
      }
    }
  }
}

// 1. The changesets pipeline reads its configuration and every pending changeset.
run("pnpm", ["exec", "changeset", "status"], { label: "changeset status" });
note("changeset status: read");

// 2. Pack and check every publishable package.
const tarballDir = join(scratch, "tarballs");
mkdirSync(tarballDir);
const packages = [];
for (const directory of workspacePackages()) {
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8"));
  if (manifest.private === true) continue;
  checkManifest(directory, manifest);
  const packed = run("pnpm", ["pack", "--pack-destination", tarballDir], {
    cwd: directory,
    label: `${manifest.name}: pnpm pack`,
  });
  const tarball = packed.stdout.trim().split("\n").pop();
  if (packed.status !== 0 || tarball === undefined || !existsSync(tarball)) continue;
  const published = checkTarball(manifest.name, tarball);
  packages.push({
    name: manifest.name,
    version: manifest.version,
    bin: published.bin,
    importable: hasEntryPoint(published),
    tarball,
  });
  note(`${manifest.name}@${manifest.version}: packed and checked (${tarball.split("/").pop()})`);
}
const byName = Object.fromEntries(packages.map((entry) => [entry.name, `file:${entry.tarball}`]));

// 3. Plain npm: every tarball in a scratch project, our own packages taken from the tarballs.
const npmProject = join(scratch, "npm-consumer");
mkdirSync(npmProject);
writeFileSync(
  join(npmProject, "package.json"),
  JSON.stringify(
    { name: "npm-consumer", private: true, type: "module", dependencies: byName, overrides: byName },
    null,
    2,
  ),
);
const npmInstall = run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
  cwd: npmProject,
  label: "npm install of the tarballs",
});
if (npmInstall.status === 0) {
  note("npm install of every tarball: done");
  checkBinaries(npmProject, packages, "npm install");
  if (packages.some((entry) => entry.name === "lro-proxy")) {
    const problem = await startProxy(join(npmProject, "node_modules", ".bin", "lro-proxy"), npmProject);
    if (problem !== undefined) fail(`npm install: lro-proxy did not start: ${problem}`);
    else note("npm install: lro-proxy starts, answers and stops on SIGTERM");
    // pg is an optional peer: without it --database-url says what to install.
    const withoutPg = run(
      join(npmProject, "node_modules", ".bin", "lro-proxy"),
      ["--api-key", "release-check-key-0123456789abcdef", "--database-url", "postgres://127.0.0.1:9/none"],
      { cwd: npmProject, timeoutMs: 60_000 },
    );
    if (withoutPg.status === 0 || !withoutPg.output.includes("npm install pg")) {
      fail(
        `npm install: lro-proxy --database-url without pg did not say to install pg:\n${withoutPg.output}`,
      );
    }
  }

  // 4. A consumer typechecks against the published declarations, nothing skipped.
  const imports = packages
    .filter((entry) => entry.importable)
    .map(
      (entry, index) =>
        `import * as package${index} from "${entry.name}";\nexport const used${index}: object = package${index};`,
    );
  const usage = packages.some((entry) => entry.name === "lro-proxy")
    ? `import type { RunningProxy } from "lro-proxy";
// The Express app's type must be real, not an \`any\` that a missing declaration would leave.
type App = RunningProxy["app"];
type IsAny<T> = 0 extends 1 & T ? true : false;
export const appIsTyped: IsAny<App> = false;
`
    : "";
  writeFileSync(join(npmProject, "consumer.ts"), `${imports.join("\n")}\n${usage}`);
  writeFileSync(
    join(npmProject, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2023",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ["node"],
          typeRoots: [join(npmProject, "node_modules", "@types"), join(root, "node_modules", "@types")],
        },
        files: ["consumer.ts"],
      },
      null,
      2,
    ),
  );
  const typecheck = run(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", npmProject],
    {
      cwd: npmProject,
      label: "a consumer's typecheck (skipLibCheck: false)",
    },
  );
  if (typecheck.status === 0) note("a consumer typechecks with skipLibCheck: false");
}

// 5. pnpm: the proxy alone, freshly installed from its tarball, starts without any build step.
const proxy = packages.find((entry) => entry.name === "lro-proxy");
if (proxy !== undefined) {
  const pnpmProject = join(scratch, "pnpm-consumer");
  mkdirSync(pnpmProject);
  writeFileSync(
    join(pnpmProject, "package.json"),
    JSON.stringify(
      {
        name: "pnpm-consumer",
        private: true,
        type: "module",
        dependencies: { "lro-proxy": byName["lro-proxy"] },
        pnpm: { overrides: byName },
      },
      null,
      2,
    ),
  );
  const pnpmInstall = run("pnpm", ["install", "--reporter=append-only"], {
    cwd: pnpmProject,
    label: "pnpm install of lro-proxy's tarball",
  });
  if (pnpmInstall.status === 0) {
    checkBinaries(pnpmProject, [proxy], "pnpm install");
    const problem = await startProxy(join(pnpmProject, "node_modules", ".bin", "lro-proxy"), pnpmProject);
    if (problem !== undefined) fail(`pnpm install: lro-proxy did not start: ${problem}`);
    else note("pnpm install: lro-proxy starts, answers and stops on SIGTERM, no build step");
  }
}

if (process.env.LRO_KEEP_SCRATCH === "1") note(`scratch kept in ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (problems.length > 0) {
  console.log(`release-check: ${problems.length} problem(s) (${seconds} s)`);
  process.exit(1);
}
console.log(
  `release-check: every check passed for ${packages.map((entry) => entry.name).join(", ")} (${seconds} s)`,
);
