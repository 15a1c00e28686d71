// A scheduled mutation's writes and its job's "done" state are stored in one commit, so a crash
// between convex-test's two transactions cannot make it run twice.
import { join } from "node:path";
import { expect, test } from "vitest";
import { Engine, type Commit } from "./engine.ts";

test("the commit of a scheduled mutation also stores its job as done", async () => {
  const commits: Commit[] = [];
  const engine = await Engine.load(join(import.meta.dirname, "test-fixture"), (commit) => commits.push(commit));
  await engine.run("mutation", "messages:sendLater", { body: "scheduled", delayMs: 0 }, null);
  await expect
    .poll(() => commits.some((commit) => commit.changes.some((change) => change.after?.body === "scheduled")))
    .toBe(true);
  const own = commits.find((commit) => commit.changes.some((change) => change.after?.body === "scheduled"))!;
  const job = own.changes.find((change) => change.id.endsWith("_scheduled_functions"));
  expect(job?.after?.state).toEqual({ kind: "success" });
  engine.retire();
});

test("a scheduled action's writes do not mark its job done (it may still be running)", async () => {
  const commits: Commit[] = [];
  const engine = await Engine.load(join(import.meta.dirname, "test-fixture"), (commit) => commits.push(commit));
  await engine.run("mutation", "notes:shoutLater", { body: "loud" }, null);
  await expect
    .poll(() => commits.some((commit) => commit.changes.some((change) => change.after?.body === "LOUD")))
    .toBe(true);
  const own = commits.find((commit) => commit.changes.some((change) => change.after?.body === "LOUD"))!;
  expect(own.changes.some((change) => change.id.endsWith("_scheduled_functions"))).toBe(false);
  engine.retire();
});
