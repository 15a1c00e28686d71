// Programs in the CRM read by the cohort, not by the org: the directory filtered by a program
// (alone, with a tag, with a participation state), an export chunk of that filter and the
// stats' attendance by program read as many documents in an org of 1,000 as in one of 100, for
// the same 40-person cohort (counts, so this holds on any machine).
import { join } from "node:path";
import { expect, test } from "vitest";
import type { Value } from "convex/values";
import { Engine } from "../local-backend/engine.ts";
import { identityOf } from "./lib/identity.ts";
import { populateCrmOrg } from "./lib/crm-world.ts";

const root = join(import.meta.dirname, "..");
const COHORT = 40;

async function measure(members: number) {
  const engine = await Engine.load(root, () => {});
  const adminId = await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as { insert(table: string, doc: Record<string, Value>): Promise<string> };
    return await db.insert("users", { name: "Crm Admin", email: "crm.admin@bench.example" });
  });
  const admin = identityOf(adminId);
  const run = (type: "query" | "mutation", fn: string, args: Record<string, Value>) =>
    engine.run(type, fn, args, admin);
  const { orgId } = (await run("mutation", "orgs/mutations:createOrg", {
    slug: "crm-programs",
    name: "CRM Programs",
    visibility: "public",
  })) as { orgId: string };
  const { tagIds, memberIds } = await populateCrmOrg(engine, {
    orgId,
    adminId,
    count: members - 1,
    prefix: `P${members}`,
  });
  const today = new Date().toISOString().slice(0, 10);
  const { programId } = (await run("mutation", "programs/mutations:createProgram", {
    orgId,
    name: "Reading group",
    kind: "reading_group",
    startDate: today,
    endDate: "2099-12-31",
    timezone: "Europe/London",
    enrollmentMode: "admin",
    countExcused: true,
  })) as { programId: string };
  await run("mutation", "programs/mutations:setProgramStatus", { orgId, programId, status: "active" });
  for (const userId of memberIds.slice(0, COHORT)) {
    await run("mutation", "programs/mutations:addParticipant", { orgId, programId, userId });
  }
  const reads = async (fn: string, args: Record<string, Value>) => {
    const result = (await run("query", fn, args)) as { page?: unknown[]; rows?: unknown[]; programs?: unknown[] };
    return {
      rows: (result.page ?? result.rows ?? result.programs ?? []).length,
      documentsRead: engine.lastTransactionMetrics!.documentsRead.used,
    };
  };
  const page = { numItems: 50, cursor: null };
  const { exportId } = (await run("mutation", "crm/export:startExport", { orgId, filters: {} })) as {
    exportId: string;
  };
  return {
    program: await reads("crm/directory:listDirectory", {
      orgId,
      filters: { program: programId },
      paginationOpts: page,
    }),
    programTag: await reads("crm/directory:listDirectory", {
      orgId,
      filters: { program: programId, facet: { kind: "tag", value: tagIds[0]! } },
      paginationOpts: page,
    }),
    programInProgress: await reads("crm/directory:listDirectory", {
      orgId,
      filters: { program: programId, participation: "in_progress", sort: "events" },
      paginationOpts: page,
    }),
    exportChunk: await reads("crm/export:exportChunk", {
      orgId,
      exportId,
      filters: { program: programId },
      cursor: null,
    }),
    programStats: await reads("crm/statsPrograms:programStats", { orgId, range: 90 }),
  };
}

test("the program filter, its export and attendance by program read by the cohort, not the org", async () => {
  const small = await measure(100);
  const large = await measure(1_000);
  console.log(JSON.stringify({ bench: "crm-programs", cohort: COHORT, small, large }));
  expect(small.program.rows).toBe(COHORT);
  expect(small.exportChunk.rows).toBe(COHORT);
  expect(small.programStats.rows).toBe(1);
  for (const key of Object.keys(small) as (keyof typeof small)[]) {
    expect(large[key].documentsRead, key).toBeLessThanOrEqual(small[key].documentsRead * 1.2);
    // Bounded by the cohort: its enrollments, their rows and a few more documents each.
    expect(large[key].documentsRead, key).toBeLessThanOrEqual(COHORT * 6 + 20);
  }
}, 600_000);
