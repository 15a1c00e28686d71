import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDeployBundle } from "./check-deploy-bundle";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", "deploy-bundle", name);
// Each check runs the convex CLI's deploy bundler (several seconds on a busy machine).
const SLOW = 120_000;

describe("check-deploy-bundle", () => {
  test(
    'passes a project whose Node built-ins are only in "use node" actions',
    async () => {
      const report = await checkDeployBundle(fixture("ok"));
      expect(report).toEqual({ ok: true, problems: [], modules: { isolate: ["greetings.js"], node: ["digest.js"] } });
    },
    SLOW,
  );

  test(
    "fails when a default-runtime file imports a Node built-in",
    async () => {
      const report = await checkDeployBundle(fixture("node-builtin"));
      expect(report.ok).toBe(false);
      expect(report.problems.join("\n")).toContain('Could not resolve "node:crypto"');
      expect(report.problems.join("\n")).toContain("convex/digest.ts");
    },
    SLOW,
  );

  test(
    'fails when a "use node" file exports a query',
    async () => {
      const report = await checkDeployBundle(fixture("use-node-query"));
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.stringMatching(/^digest: .*exports the query "length"/)]);
    },
    SLOW,
  );
});
