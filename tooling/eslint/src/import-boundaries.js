import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Workspace packages that put apps together and so may import them: the demo runs the simulator, the
 * proxy and the dashboard in one process. Everything under `tooling/` may too (the bench drives the proxy).
 */
const composers = new Set(["apps/demo"]);

/**
 * @typedef {{ directory: string; folder: string; name: string }} WorkspacePackage
 */

/**
 * The workspace packages under packages/, apps/ and tooling/, by folder and package name.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function workspacePackages(root) {
  return ["packages", "apps", "tooling"].flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder))
          .map((entry) => `${folder}/${entry}`)
          .filter((directory) => existsSync(join(root, directory, "package.json")))
          .map((directory) => ({
            directory,
            folder,
            name: /** @type {{ name: string }} */ (
              JSON.parse(readFileSync(join(root, directory, "package.json"), "utf8"))
            ).name,
          }))
      : [],
  );
}

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * ESLint flat-config objects that make an arrow pointing the wrong way fail lint: a package never imports
 * an app, an app never imports another app (static `import`, `export ... from`, `import()`, by package
 * name or by a relative path that climbs into the app's folder). Computed from the workspace, so a new
 * app is covered the day it appears.
 * @param {string} root the repository root
 * @returns {import("eslint").Linter.Config[]}
 */
export function importBoundaries(root) {
  const all = workspacePackages(root);
  const apps = all.filter((workspace) => workspace.folder === "apps");
  return all
    .filter((workspace) => workspace.folder !== "tooling" && !composers.has(workspace.directory))
    .flatMap((workspace) => {
      const forbidden = apps.filter((app) => app.directory !== workspace.directory);
      if (forbidden.length === 0) return [];
      const names = forbidden.map((app) => app.name);
      const folders = forbidden.map((app) => app.directory.slice("apps/".length));
      const message =
        workspace.folder === "packages"
          ? `${workspace.name} is a package and packages never import apps (${names.join(", ")}): move what both need into a package.`
          : `${workspace.name} is an app and apps never import apps (${names.join(", ")}): share through a package, or compose the apps in one that may (like apps/demo).`;
      // No "/" in the expression: selectors cannot hold one (a scoped name's is written \u002F).
      const nameExpression = `^(${names.map((name) => escapeRegExp(name).replace("/", "\\u002F")).join("|")})(?![\\w.-])`;
      return [
        {
          files: [`${workspace.directory}/**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}`],
          rules: {
            "no-restricted-imports": [
              "error",
              {
                patterns: [
                  { regex: nameExpression, message },
                  { regex: `^(\\.\\./)+(apps/)?(${folders.map(escapeRegExp).join("|")})(/|$)`, message },
                ],
              },
            ],
            "no-restricted-syntax": [
              "error",
              { selector: `ImportExpression[source.value=/${nameExpression}/]`, message },
            ],
          },
        },
      ];
    });
}
