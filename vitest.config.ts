import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// One configuration for the whole monorepo: every workspace package is a project named after its package.
// Workspace packages resolve to their TypeScript sources through the "@lro/source" export condition,
// so tests never need a build of their dependencies.
const conditions = ["@lro/source", "node", "import", "module", "default"];
// Vitest hands the SSR conditions to its Node workers as --conditions flags, which also steer require():
// "import" or "module" there make CommonJS packages load the ESM files of dual packages (Express's router
// then gets is-promise's module namespace instead of its function). Vite adds import/require itself.
const nodeConditions = ["@lro/source", "node", "development|production"];
const root = import.meta.dirname;

const workspaces = ["packages", "apps", "tooling"].flatMap((folder) =>
  readdirSync(join(root, folder))
    .map((name) => join(folder, name))
    .filter((directory) => existsSync(join(root, directory, "package.json"))),
);

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: ["@lro/source"] } },
  test: {
    // Timing logic runs on virtual time; a real-time limit only catches hangs. CI shares its cores with other
    // work, where a 5 s default failed tests that were merely slow to start a process.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: workspaces.map((directory) => ({
      extends: true,
      test: {
        name: JSON.parse(readFileSync(join(root, directory, "package.json"), "utf8")).name as string,
        root: join(root, directory),
        include: ["src/**/*.test.{ts,tsx}"],
        typecheck: {
          enabled: true,
          include: ["src/**/*.test-d.ts"],
          tsconfig: join(root, directory, "tsconfig.json"),
        },
      },
    })),
  },
});
