// Editing a file under convex/ takes effect without a restart, and no data is lost.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, expect, test } from "vitest";
import { startBackend } from "./backend.ts";

// Inside the repo, so the copy resolves the project's node_modules.
const root = mkdtempSync(join(import.meta.dirname, ".reload-fixture-"));
cpSync(join(import.meta.dirname, "test-fixture"), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const list = makeFunctionReference<"query", Record<string, never>, string[]>("messages:list");
const send = makeFunctionReference<"mutation", { body: string }>("messages:send");

test("a changed module is reloaded and keeps the data", async () => {
  const backend = await startBackend({ root, stateDir: null, port: 0, sitePort: 0, watch: true, log: () => {} });
  const client = new ConvexClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
  try {
    await client.mutation(send, { body: "before" });
    const file = join(root, "convex", "messages.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("(m) => m.body", "(m) => `v2:${m.body}`"));
    await expect
      .poll(async () => await client.query(list, {}), { timeout: 15_000, interval: 200 })
      .toContain("v2:before");
  } finally {
    await client.close();
    await backend.close();
  }
});
