// What the local backend stores survives: kill -9 right after a write succeeded, the JSON file
// of earlier versions, and scheduled functions a crash caught mid-run. Files are private.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterEach, expect, test } from "vitest";

const main = join(import.meta.dirname, "main.ts");
const fixtureRoot = join(import.meta.dirname, "test-fixture");
const add = makeFunctionReference<"mutation", { topic: string; text: string }>("notes:add");
const addLater = makeFunctionReference<"mutation", { topic: string; text: string }>("notes:addLater");
const startHang = makeFunctionReference<"mutation">("notes:startHang");
const byTopic = makeFunctionReference<"query", { topic: string }, string[]>("notes:byTopic");
type Job = { name: string; state: { kind: string; error?: string } };
const jobs = makeFunctionReference<"query", Record<string, never>, Job[]>("notes:jobs");

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateDir() {
  const dir = mkdtempSync(join(tmpdir(), "local-backend-durable-"));
  dirs.push(dir);
  return join(dir, "state");
}

/** Starts `npm run backend` on the fixture in a child process; resolves with its client. */
async function start(dir: string): Promise<{ child: ChildProcess; http: ConvexHttpClient }> {
  const child = fork(
    main,
    ["--root", fixtureRoot, "--state-dir", dir, "--port", "0", "--site-port", "0", "--no-watch"],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { url: string }) => resolve(message.url));
    child.once("exit", (code) => reject(new Error(`backend exited (${code})`)));
  });
  return { child, http: new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false }) };
}

function killHard(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

test(
  "writes acknowledged right before kill -9 are all there after a restart",
  async () => {
    const dir = stateDir();
    const acknowledged: string[] = [];
    // KILL_TRIALS=100 for a longer run.
    for (let trial = 0; trial < Number(process.env.KILL_TRIALS ?? 5); trial++) {
      const { child, http } = await start(dir);
      expect(await http.query(byTopic, { topic: "t" })).toEqual(acknowledged);
      for (let i = 0; i < 3; i++) {
        const text = `trial ${trial} write ${i}`;
        await http.mutation(add, { topic: "t", text });
        acknowledged.push(text);
      }
      await killHard(child); // no chance to save anything after the last success
    }
    const { http } = await start(dir);
    expect(await http.query(byTopic, { topic: "t" })).toEqual(acknowledged);
  },
  120_000 + Number(process.env.KILL_TRIALS ?? 0) * 10_000,
);

test("the state directory and its files are private to the user", async () => {
  const dir = stateDir();
  const { http } = await start(dir);
  await http.mutation(add, { topic: "t", text: "private" });
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  // Files 0600; directories inside (the stored files') 0700.
  for (const file of readdirSync(dir)) {
    const stats = statSync(join(dir, file));
    expect([file, stats.mode & 0o777]).toEqual([file, stats.isDirectory() ? 0o700 : 0o600]);
  }
});

test("an earlier version's data.json is moved into the database, not dropped", async () => {
  const dir = stateDir();
  const { child, http } = await start(dir);
  await http.mutation(add, { topic: "t", text: "kept" });
  await killHard(child);
  // Write the JSON file an earlier version would have left, and no database.
  const db = new DatabaseSync(join(dir, "data.sqlite"));
  const rows = db.prepare("SELECT component, value FROM documents").all();
  const counters = db.prepare("SELECT * FROM components").all();
  db.close();
  const components: Record<string, { documents: unknown[]; nextDocId: number; lastCreationTime: number }> = {};
  for (const row of counters)
    components[row.component as string] = {
      documents: [],
      nextDocId: Number(row.next_doc_id),
      lastCreationTime: Number(row.last_creation_time),
    };
  for (const row of rows) components[row.component as string]!.documents.push(JSON.parse(row.value as string));
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dir, `data.sqlite${suffix}`), { force: true });
  writeFileSync(join(dir, "data.json"), JSON.stringify({ version: 1, components }));

  const again = await start(dir);
  expect(await again.http.query(byTopic, { topic: "t" })).toEqual(["kept"]);
  expect(existsSync(join(dir, "data.json.migrated"))).toBe(true);
  await again.http.mutation(add, { topic: "t", text: "after" });
  expect(await again.http.query(byTopic, { topic: "t" })).toEqual(["kept", "after"]);
});

test("after a crash, an interrupted action is recorded as failed with the reason, an interrupted mutation runs", async () => {
  const dir = stateDir();
  const { child, http } = await start(dir);
  await http.mutation(startHang, {});
  await expect
    .poll(async () => (await http.query(jobs, {})).map((job) => job.state.kind), { timeout: 10_000 })
    .toEqual(["inProgress"]);
  await http.mutation(addLater, { topic: "later", text: "ran once" });
  await killHard(child);
  // Make the far-off mutation look as if the crash caught it mid-run.
  const db = new DatabaseSync(join(dir, "data.sqlite"));
  for (const row of db.prepare("SELECT id, value FROM documents WHERE id LIKE '%_scheduled_functions'").all()) {
    const job = JSON.parse(row.value as string) as { name: string; state: { kind: string }; scheduledTime: number };
    if (job.name.includes("addInternal")) {
      job.state = { kind: "inProgress" };
      job.scheduledTime = Date.now();
      db.prepare("UPDATE documents SET value = ? WHERE id = ?").run(JSON.stringify(job), row.id as string);
    }
  }
  db.close();

  const again = await start(dir);
  await expect
    .poll(async () => await again.http.query(byTopic, { topic: "later" }), { timeout: 10_000 })
    .toEqual(["ran once"]);
  const states = await again.http.query(jobs, {});
  const hang = states.find((job) => job.name.includes("hang"))!;
  expect(hang.state.kind).toBe("failed");
  expect(hang.state.error).toMatch(/at most once/);
  expect(states.find((job) => job.name.includes("addInternal"))!.state.kind).toBe("success");
});
