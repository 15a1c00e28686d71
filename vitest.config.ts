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
          // A file's first test loads every module and component; on busy CI cores that can pass 5 s.
          testTimeout: 30_000,
        },
      },
      {
        resolve: {
          alias: {
            "~": new URL("./src", import.meta.url).pathname,
            "@convex": new URL("./convex", import.meta.url).pathname,
          },
        },
        test: {
          name: "node",
          include: [
            "local-backend/**/*.test.ts",
            "src/**/*.test.{ts,tsx}",
            "scripts/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
