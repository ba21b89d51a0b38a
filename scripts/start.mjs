#!/usr/bin/env node
// `npm start [-- demo options]`: fetches the project's Node.js and pnpm when missing, installs, builds
// the demo and what it needs, and runs the demo, printing one line per step rather than their output.
// Runs on the machine's own Node.js (18+).
import { spawn } from "node:child_process";
import { pinnedVersions, root, toolchainEnv } from "./toolchain.mjs";
import { quietStep } from "./steps.mjs";

/** The demo: the workspace package that holds it and the command that starts it once built. */
const demo = { package: "lro-demo", command: ["apps/demo/dist/cli.js"] };
/** The demo's options npm would take for its own settings when they come before `--`. */
const demoOptions = ["port", "api-key", "lang", "once", "wait", "json"];
const demoValues = { port: "8081", "api-key": "<key>", lang: "<language>" };

function refuse(message) {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

// Mistakes npm hides: `npm start --port 8081` gives `--port` to npm (as its setting `port`) and only `8081`
// to the script. Said now, before any install or build.
const args = process.argv.slice(2);
const swallowed = demoOptions.filter(
  (name) => process.env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined,
);
if (swallowed.length > 0) {
  const example = swallowed
    .map((name) => (name in demoValues ? `--${name} ${demoValues[name]}` : `--${name}`))
    .join(" ");
  refuse(
    `npm took ${swallowed.map((name) => `--${name}`).join(", ")} for itself: put the demo's options after --, ` +
      `as in: npm start -- ${example}`,
  );
}
if (args.length > 0 && !args[0].startsWith("-")) {
  refuse(`unexpected argument "${args[0]}": the demo's options go after --, as in: npm start -- --port 8081`);
}

const env = toolchainEnv(pinnedVersions().node);
const installed = await quietStep("installing dependencies (pnpm install)", env, "pnpm", [
  "install",
  "--frozen-lockfile",
  "--reporter=append-only",
]);
if (installed !== 0) process.exit(installed);
const built = await quietStep(`building ${demo.package} and what it uses`, env, "pnpm", [
  "exec",
  "turbo",
  "run",
  "build",
  `--filter=${demo.package}...`,
  "--output-logs=errors-only",
]);
if (built !== 0) process.exit(built);

const [entry, ...rest] = demo.command;
const child = spawn("node", [entry, ...rest, ...args], { cwd: root, env, stdio: "inherit" });
// Ctrl-C reaches the demo itself (same terminal); a signal sent to this process alone is passed on. Either
// way the demo shuts down on its own terms and this process leaves with its status.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (signal !== "SIGINT") child.kill(signal);
  });
}
child.on("close", (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
