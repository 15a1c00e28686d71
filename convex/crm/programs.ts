// A member's programs as the CRM shows them (the member record, the export's Programs column):
// each program they are or were in, where they stand, and their progress from the enrollment's
// counters (which the session attendance records keep in step). Bounded by the programs one
// member is in (CRM_PROGRAM_LIMITS.programsPerMember), not by the org.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { orgAdminQuery } from "../lib/functions";
import {
  CRM_PROGRAM_LIMITS,
  PROGRAM_LIMITS,
  type ProgramParticipation,
  programKindValidator,
  programParticipationValidator,
  programStatusValidator,
} from "../lib/vocabulary";
import { progressValidator, sessionsBeforeEnrollment, toProgress } from "../programs/model";
import { requireMemberOf } from "./record";

/** Programs read once per export chunk, however many of its members are in them. */
export type ProgramCache = Map<Id<"programs">, Promise<Doc<"programs"> | null>>;

export function participationOf(e: Doc<"programEnrollments">): ProgramParticipation {
  if (e.status === "pending") return "applied";
  if (e.status !== "enrolled") return "left";
  if (e.completedAt !== undefined) return "completed";
  if (e.atRiskAt !== undefined) return "at_risk";
  return "enrolled";
}

/** The member's programs in this org, latest start first; declined applications left out. */
export async function memberProgramsOf(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  cache: ProgramCache = new Map(),
) {
  const enrollments = await ctx.db
    .query("programEnrollments")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(CRM_PROGRAM_LIMITS.programsPerMember);
  const out = [];
  for (const enrollment of enrollments) {
    if (enrollment.status === "declined") continue;
    let program = cache.get(enrollment.programId);
    if (program === undefined) {
      program = ctx.db.get("programs", enrollment.programId);
      cache.set(enrollment.programId, program);
    }
    const doc = await program;
    if (doc !== null) out.push({ program: doc, enrollment, state: participationOf(enrollment) });
  }
  return out.sort((a, b) => b.program.startDate.localeCompare(a.program.startDate));
}

export const memberProgramValidator = v.object({
  programId: v.id("programs"),
  name: v.string(),
  kind: programKindValidator,
  programStatus: programStatusValidator,
  startDate: v.string(),
  endDate: v.string(),
  state: programParticipationValidator,
  progress: progressValidator,
});

/** A member's programs with their progress, for the member record. */
export const memberPrograms = orgAdminQuery({
  args: { userId: v.id("users") },
  returns: v.array(memberProgramValidator),
  handler: async (ctx, { userId }) => {
    await requireMemberOf(ctx, ctx.org._id, userId);
    const rows = await memberProgramsOf(ctx, ctx.org._id, userId);
    return await Promise.all(
      rows.map(async ({ program, enrollment, state }) => {
        // Late joiners only: the sessions held before they enrolled (none read for everyone else).
        const earlier =
          enrollment.enrolledAt === undefined
            ? []
            : await ctx.db
                .query("events")
                .withIndex("by_program_start", (q) =>
                  q.eq("programId", program._id).lte("startTime", enrollment.enrolledAt!),
                )
                .take(PROGRAM_LIMITS.maxSessions);
        return {
          programId: program._id,
          name: program.name,
          kind: program.kind,
          programStatus: program.status,
          startDate: program.startDate,
          endDate: program.endDate,
          state,
          progress: toProgress(program, enrollment, sessionsBeforeEnrollment(earlier, enrollment)),
        };
      }),
    );
  },
});
