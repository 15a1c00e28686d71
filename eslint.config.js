// @ts-check
import js from "@eslint/js";
import convexPlugin from "@convex-dev/eslint-plugin";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { readdirSync } from "node:fs";
import { join } from "node:path";

// src/components/: shared folders (primitives, form parts, common pieces, layout) import no
// feature. A feature imports from another feature only its public surface: its data layer (data.ts
// with its queries and mutation hooks, and queries.ts where route loaders need query options
// apart from the hooks) and the components listed here, which pages elsewhere compose;
// everything else in a feature folder is internal to it.
const SHARED = ["ui", "forms", "common", "layout"];
const PUBLIC = {
  attendance: ["attendance-history", "pending-prompts", "my-attendance", "organizer-attendance"],
  auth: [],
  engagement: ["engagement-history", "level-badge"],
  events: ["upcoming-events", "event-description"],
  images: ["image-upload"],
  orgs: ["org-card", "org-states"],
  crm: ["stats-headline"],
  programs: ["my-programs"],
  notifications: ["notification-bell", "mute-org-toggle", "muted-orgs", "notification-settings-form"],
  profiles: [],
};
const FEATURES = readdirSync(join(import.meta.dirname, "src", "components"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED.includes(entry.name))
  .map((entry) => entry.name);
const internals = (feature) =>
  // (No pattern for the folder itself: gitignore semantics could not re-include its public modules.)
  ["~/components", ".."].flatMap((base) => [
    `${base}/${feature}/*`,
    ...["data", "queries", ...(PUBLIC[feature] ?? [])].map((module) => `!${base}/${feature}/${module}`),
  ]);
const everything = (feature) =>
  ["~/components", ".."].flatMap((base) => [`${base}/${feature}`, `${base}/${feature}/*`]);
const restrict = (group, message) => ({ "no-restricted-imports": ["error", { patterns: [{ group, message }] }] });
const boundaries = [
  ...SHARED.map((folder) => ({
    files: [`src/components/${folder}/**`],
    rules: restrict(FEATURES.flatMap(everything), "Shared components import no feature."),
  })),
  ...FEATURES.map((feature) => ({
    files: [`src/components/${feature}/**`],
    rules: restrict(
      FEATURES.filter((other) => other !== feature).flatMap(internals),
      "That module is internal to its feature: import its data module or a public component (PUBLIC in eslint.config.js), or move what both need to common/.",
    ),
  })),
];

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      ".output",
      "dist",
      "**/.local",
      ".tanstack",
      ".nitro",
      "convex/_generated",
      "src/routeTree.gen.ts",
      "e2e/artifacts",
    ],
  },
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
  ...boundaries,
);
