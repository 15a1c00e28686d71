import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two cores on CI machines: keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "convex",
          include: ["convex/**/*.test.ts"],
          environment: "edge-runtime",
          setupFiles: ["convex/vitest.setup.ts"],
          server: { deps: { inline: ["convex-test"] } },
          // A file's first test also loads convex/ into convex-test; on a busy two-core machine
          // that alone can pass vitest's 5 s default.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: { "~": new URL("./src", import.meta.url).pathname } },
        test: {
          name: "node",
          include: ["local-backend/**/*.test.ts", "src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
