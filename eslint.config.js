// @ts-check
import js from "@eslint/js";
import convexPlugin from "@convex-dev/eslint-plugin";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", ".output", "dist", "**/.local", ".tanstack", ".nitro", "convex/_generated", "src/routeTree.gen.ts", "e2e/artifacts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...convexPlugin.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Public functions are defined with the access-level builders of convex/lib/functions.ts.
    files: ["convex/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "convex/server",
              importNames: ["queryGeneric", "mutationGeneric", "actionGeneric"],
              message: "Define public functions with the builders in convex/lib/functions.ts.",
            },
          ],
          patterns: [
            {
              group: ["**/_generated/server", "**/_generated/server.js"],
              importNames: ["query", "mutation", "action"],
              message:
                "Define public functions with the builders in convex/lib/functions.ts (publicQuery, userMutation, orgAdminQuery, …); internalQuery/internalMutation/internalAction stay allowed.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["convex/lib/functions.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
