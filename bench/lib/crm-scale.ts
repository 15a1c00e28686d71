// CRM scale measurements: documents read by a directory page (default and each filter and sort
// the app offers) and by one export chunk, in an org of N members; and a whole export's CSV.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import Papa from "papaparse";
import type { Value } from "convex/values";
import { Engine } from "../../local-backend/engine.ts";
import { identityOf } from "./identity.ts";
import { walkStats } from "../../local-backend/indexed-db.ts";
import type { ExportRow } from "../../src/components/crm/export-csv.ts";
import { populateCrmOrg } from "./crm-world.ts";
import type { ScaleRow } from "./scale.ts";

const root = join(import.meta.dirname, "..", "..");
const DAY = 86_400_000;

async function crmOrg(members: number) {
  const engine = await Engine.load(root, () => {});
  const adminId = await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as { insert(table: string, doc: Record<string, Value>): Promise<string> };
    return await db.insert("users", { name: "Crm Admin", email: "crm.admin@bench.example" });
  });
  const admin = identityOf(adminId);
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: "crm-hub", name: "CRM Hub", visibility: "public" },
    admin,
  )) as { orgId: string };
  const world = await populateCrmOrg(engine, { orgId, adminId, count: members - 1, prefix: `C${members}` });
  return { engine, admin, orgId, ...world };
}

/** The directory queries the app offers, by name (each one index range; see directoryPlan.ts). */
export function directoryCases(tagIds: string[], now: number): [string, Record<string, Value>][] {
  return [
    ["default", {}],
    ["sort:joined", { sort: "joined" }],
    ["sort:lastAttended", { sort: "lastAttended" }],
    ["sort:events", { sort: "events" }],
    ["search", { search: "Okafor" }],
    ["level", { level: "engaged" }],
    ["level:unscored", { level: "unscored" }],
    ["role", { role: "admin" }],
    ["tag", { facet: { kind: "tag", value: tagIds[2]! } }],
    ["careerStage", { facet: { kind: "stage", value: "early_career" } }],
    ["city", { facet: { kind: "city", value: "Oxford" } }],
    ["skill", { facet: { kind: "skill", value: "policy" } }],
    ["joinedBetween", { joinedFrom: now - 90 * DAY, joinedTo: now }],
    ["minEvents", { minEvents: 5 }],
    ["lastAttendedBefore", { lastAttendedBefore: now - 90 * DAY }],
    ["lastAttendedAfter", { lastAttendedAfter: now - 30 * DAY }],
    [
      "level+role+tag+minEvents",
      { level: "engaged", role: "member", facet: { kind: "tag", value: tagIds[0]! }, minEvents: 6 },
    ],
    ["search+level+tag", { search: "Okafor", level: "moderately_engaged", facet: { kind: "tag", value: tagIds[0]! } }],
  ];
}

export type CrmScaleRow = ScaleRow & { rows: number; pageSize: number };

/**
 * Measures each case once. `pageSizes` (by path) sets a case's page size; default 50, the app's.
 * The test passes the row counts found at 100 members, so both sizes compare equal pages.
 */
export async function measureCrmPaths(members: number, pageSizes: Record<string, number> = {}): Promise<CrmScaleRow[]> {
  const { engine, admin, orgId, tagIds } = await crmOrg(members);
  const rows: CrmScaleRow[] = [];
  const measure = async (path: string, type: "query" | "mutation", fn: string, args: Record<string, Value>) => {
    const walked = walkStats.documentsWalked;
    const result = (await engine.run(type, fn, args, admin)) as { page?: unknown[]; rows?: unknown[] };
    const metrics = engine.lastTransactionMetrics!;
    rows.push({
      rows: (result.page ?? result.rows ?? []).length,
      pageSize: (args.paginationOpts as { numItems: number } | undefined)?.numItems ?? 500,
      bench: "scale",
      path: `crm:${path}`,
      members,
      documentsRead: metrics.documentsRead.used,
      bytesRead: metrics.bytesRead.used,
      indexRanges: metrics.databaseQueries.used,
      documentsWritten: metrics.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
    return result;
  };
  // Fixed "now" per size would shift nothing: ranges are relative to the data's own clock.
  const now = Date.now();
  for (const [name, filters] of directoryCases(tagIds, now)) {
    const path = `listDirectory(${name})`;
    const paginationOpts = { numItems: pageSizes[`crm:${path}`] ?? 50, cursor: null };
    await measure(path, "query", "crm/directory:listDirectory", { orgId, filters, paginationOpts });
  }
  const { exportId } = (await engine.run("mutation", "crm/export:startExport", { orgId, filters: {} }, admin)) as {
    exportId: string;
  };
  await measure("exportChunk", "query", "crm/export:exportChunk", { orgId, exportId, filters: {}, cursor: null });
  await measure("exportChunk(level)", "query", "crm/export:exportChunk", {
    orgId,
    exportId,
    filters: { level: "engaged" },
    cursor: null,
  });
  return rows;
}

/** The app's CSV writer, bundled (it imports through the app's aliases, which plain Node lacks). */
async function loadCsvWriter(): Promise<typeof import("../../src/components/crm/export-csv.ts")> {
  const result = await build({
    entryPoints: [join(root, "src", "components", "crm", "export-csv.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    alias: { "@convex": join(root, "convex"), "~": join(root, "src") },
    logLevel: "silent",
  });
  const file = join(mkdtempSync(join(tmpdir(), "csv-writer-")), "export-csv.mjs");
  writeFileSync(file, result.outputFiles[0]!.text);
  return await import(pathToFileURL(file).href);
}

export type CsvRow = { bench: "csv"; members: number; rows: number; bytes: number; ms: number; chunks: number };

/** A whole export as the browser runs it: chunk queries one after another, then the CSV. */
export async function measureCsvExport(members: number): Promise<CsvRow> {
  const { engine, admin, orgId } = await crmOrg(members);
  const { toCsv } = await loadCsvWriter();
  const started = performance.now();
  const { exportId } = (await engine.run("mutation", "crm/export:startExport", { orgId, filters: {} }, admin)) as {
    exportId: string;
  };
  const all: ExportRow[] = [];
  let cursor: string | null = null;
  let chunks = 0;
  for (;;) {
    const chunk = (await engine.run(
      "query",
      "crm/export:exportChunk",
      { orgId, exportId, filters: {}, cursor },
      admin,
    )) as { rows: ExportRow[]; continueCursor: string; isDone: boolean };
    chunks += 1;
    all.push(...chunk.rows);
    if (chunk.isDone) break;
    cursor = chunk.continueCursor;
  }
  const text = toCsv(Papa.unparse, all);
  const ms = Math.round(performance.now() - started);
  return { bench: "csv", members, rows: all.length, bytes: new TextEncoder().encode(text).length, ms, chunks };
}
