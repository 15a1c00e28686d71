// The directory filtered by a program: walks that program's enrollments (one index range, at most
// PROGRAM_LIMITS.maxParticipants of them) instead of the whole directory, reads each member's
// directory row under the chosen facet by key, and applies the other filters and the sort to that
// short list in memory. Reads at most 2 × the cohort whatever the org's size; pages are offsets
// into the sorted list (a cohort is small enough to sort per read).
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { PROGRAM_LIMITS, type ProgramFilterState } from "../lib/vocabulary";
import { type DirectoryPlan, directoryQuery, SORT_FIELD } from "./directoryPlan";

type ProgramPlan = Extract<DirectoryPlan, { kind: "program" }>;
type Page = { page: Doc<"memberDirectory">[]; continueCursor: string; isDone: boolean };

const CURSOR_PREFIX = "program:";

/** One page of directory rows for any plan (the caller caps numItems). */
export async function pageDirectory(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  plan: DirectoryPlan,
  opts: { numItems: number; cursor: string | null },
): Promise<Page> {
  if (plan.kind !== "program") return await directoryQuery(ctx, orgId, plan).paginate(opts);
  const rows = await programDirectoryRows(ctx, orgId, plan);
  const offset = parseCursor(opts.cursor);
  const end = Math.min(rows.length, offset + Math.max(1, opts.numItems));
  return { page: rows.slice(offset, end), continueCursor: `${CURSOR_PREFIX}${end}`, isDone: end >= rows.length };
}

function parseCursor(cursor: string | null): number {
  if (cursor === null || !cursor.startsWith(CURSOR_PREFIX)) return 0;
  const n = Number(cursor.slice(CURSOR_PREFIX.length));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

function inState(e: Doc<"programEnrollments">, state: ProgramFilterState): boolean {
  if (state === "completed") return e.completedAt !== undefined;
  if (state === "in_progress") return e.completedAt === undefined;
  if (state === "at_risk") return e.atRiskAt !== undefined;
  return true;
}

async function programDirectoryRows(ctx: QueryCtx, orgId: Id<"organizations">, plan: ProgramPlan) {
  const status = plan.participation === "applied" ? "pending" : "enrolled";
  const enrollments = await ctx.db
    .query("programEnrollments")
    .withIndex("by_program_status", (q) => q.eq("programId", plan.programId).eq("status", status))
    .take(PROGRAM_LIMITS.maxParticipants);
  const chosen = enrollments.filter((e) => inState(e, plan.participation));
  const found = await Promise.all(
    chosen.map((e) =>
      ctx.db
        .query("memberDirectory")
        .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", e.userId).eq("facet", plan.facet))
        .unique(),
    ),
  );
  const text = plan.text.normalize("NFKC").toLowerCase();
  const field = SORT_FIELD[plan.sort];
  const rows = found.filter((row): row is Doc<"memberDirectory"> => {
    if (row === null) return false; // not a member any more, or not under this facet
    if (plan.role !== undefined && row.role !== plan.role) return false;
    if (plan.hasLevel && row.level !== plan.level) return false;
    if (text !== "" && !row.nameKey.includes(text)) return false;
    const value = row[field] as number;
    return plan.bounds.every((b) =>
      b.op === "gt"
        ? value > b.value
        : b.op === "gte"
          ? value >= b.value
          : b.op === "lt"
            ? value < b.value
            : value <= b.value,
    );
  });
  const sign = plan.order === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const x = a[field];
    const y = b[field];
    const byField = typeof x === "string" ? x.localeCompare(y as string) : (x as number) - (y as number);
    return sign * byField || a.nameKey.localeCompare(b.nameKey) || a.userId.localeCompare(b.userId);
  });
  return rows;
}
