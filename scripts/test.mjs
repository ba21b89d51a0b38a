#!/usr/bin/env node
// `npm test` and CI: fetches the project's Node.js and pnpm when missing, installs, builds, checks the
// formatting, lints, typechecks and runs every test, then closes with one line summing every vitest
// project's counts. Runs on the machine's own Node.js (18+).
//
//   node scripts/test.mjs                 on the project's Node.js (scripts/toolchain.json "node")
//   node scripts/test.mjs --every-node    the tests on every tested Node.js ("testedNode"), one after the other
//   node scripts/test.mjs --release       then the release checks (scripts/release-check.mjs)
import { pinnedVersions, toolchainEnv } from "./toolchain.mjs";
import { createTestTally, formatTally, quietStep, teeStep } from "./steps.mjs";

const options = new Set(process.argv.slice(2));
for (const option of options) {
  if (option !== "--every-node" && option !== "--release") {
    console.error(`usage: node scripts/test.mjs [--every-node] [--release] (unknown option ${option})`);
    process.exit(2);
  }
}
const versions = pinnedVersions();
const testedNode = options.has("--every-node") ? versions.testedNode : [versions.node];
const started = Date.now();
const env = toolchainEnv(versions.node);
for (const version of testedNode) toolchainEnv(version); // fetch them all before spending time on tests

const failures = [];
const step = async (label, command, args, stepEnv = env) => {
  const status = await quietStep(label, stepEnv, command, args);
  if (status !== 0) failures.push(label);
  return status;
};

if ((await step("installing dependencies (pnpm install)", "pnpm", ["install", "--frozen-lockfile"])) !== 0) {
  process.exit(1);
}
if (
  (await step("building every package", "pnpm", [
    "exec",
    "turbo",
    "run",
    "build",
    "--output-logs=errors-only",
  ])) !== 0
) {
  process.exit(1);
}
await step("checking the formatting (prettier --check)", "pnpm", ["exec", "prettier", "--check", "."]);
await step("linting and typechecking", "pnpm", [
  "exec",
  "turbo",
  "run",
  "lint",
  "typecheck",
  "--output-logs=errors-only",
]);

const tallies = [];
for (const version of testedNode) {
  console.error(`lro: the tests on Node.js ${version}`);
  const { tally, read } = createTestTally();
  const status = await teeStep(
    toolchainEnv(version),
    "pnpm",
    ["exec", "turbo", "run", "test", "--concurrency=1", "--continue", "--output-logs=full"],
    read,
  );
  if (status !== 0) failures.push(`the tests on Node.js ${version}`);
  tallies.push({ version, tally, status });
}

if (options.has("--release")) {
  console.error("lro: the release checks");
  if ((await teeStep(env, "node", ["scripts/release-check.mjs"], () => {})) !== 0)
    failures.push("the release checks");
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const { version, tally } of tallies) {
  if (tallies.length > 1) console.log(`Node.js ${version}: ${formatTally(tally)}`);
  for (const name of tally.failedTests) console.log(`  failed on Node.js ${version}: ${name}`);
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}
if (failures.length > 0) console.error(`lro: failed: ${failures.join("; ")} (${minutes} min)`);
else console.error(`lro: everything passed (${minutes} min)`);
console.log(formatTally(total));
process.exit(failures.length > 0 || total.failed > 0 ? 1 : 0);
