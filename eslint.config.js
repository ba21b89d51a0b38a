import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { importBoundaries } from "./tooling/eslint/src/import-boundaries.js";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  // Arrows point down: packages never import apps, apps never import apps (apps/demo composes them).
  ...importBoundaries(import.meta.dirname),
);
