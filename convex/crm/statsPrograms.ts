// Attendance by program for the stats page: per program whose dates overlap the range, the
// sessions held, the cohort, the average attendance rate per session, completions and at risk.
//
// Attendance is the session attendance records: each enrollment's `attended` counter moves in the
// same transaction as every attendance write on the program's sessions (programs/hooks.ts), and
// the participation matrix shows the same records cell by cell. The rate per session is
// "participants who attended / participants enrolled at that session" (the current cohort; a
// session that started before someone enrolled is "not enrolled yet" for them, as in the
// matrix). Averaged over the held sessions, weighted by who was enrolled at each, that is
// Σ attended ÷ Σ (held sessions each participant was enrolled for), from the counters alone.
// A record from before someone joined (a guest visit) counts, as it does towards completion;
// the rate is capped at 100%.
//
// Bounded per program by its data, not by the org: its sessions (≤ PROGRAM_LIMITS.maxSessions)
// and its enrolled cohort (≤ PROGRAM_LIMITS.maxParticipants), for at most
// CRM_PROGRAM_LIMITS.statsPrograms programs (of the latest PROGRAM_LIMITS.listPageSize by start).
import { v } from "convex/values";
import { orgAdminQuery } from "../lib/functions";
import { CRM_PROGRAM_LIMITS, PROGRAM_LIMITS, programKindValidator, programStatusValidator } from "../lib/vocabulary";
import { beforeEnrollment, listEnrolled, listSessions } from "../programs/model";
import { DAY_MS, dayOf } from "./statsCounters";

const rangeValidator = v.union(v.literal(30), v.literal(90), v.literal(365));
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const programStatsValidator = v.object({
  programs: v.array(
    v.object({
      programId: v.id("programs"),
      name: v.string(),
      kind: programKindValidator,
      status: programStatusValidator,
      startDate: v.string(),
      endDate: v.string(),
      sessions: v.number(), // not cancelled
      sessionsHeld: v.number(), // published and started
      participants: v.number(),
      attendances: v.number(), // participants' attended records, all sessions
      /** Average over the held sessions of attended ÷ enrolled; null before any session or cohort. */
      attendanceRate: v.union(v.number(), v.null()),
      completions: v.number(),
      atRisk: v.number(),
      applications: v.number(), // waiting for an admin
    }),
  ),
  /** More programs overlap the range than one read shows (the latest-starting ones are shown). */
  truncated: v.boolean(),
});

export const programStats = orgAdminQuery({
  args: { range: rangeValidator },
  returns: programStatsValidator,
  handler: async (ctx, { range }) => {
    const now = Date.now();
    const from = isoDay(dayOf(now) - (range - 1) * DAY_MS);
    const candidates = await ctx.db
      .query("programs")
      .withIndex("by_org_start", (q) => q.eq("orgId", ctx.org._id).lte("startDate", isoDay(now)))
      .order("desc")
      .take(PROGRAM_LIMITS.listPageSize);
    const overlapping = candidates.filter((p) => p.status !== "draft" && p.endDate >= from);
    const shown = overlapping.slice(0, CRM_PROGRAM_LIMITS.statsPrograms);
    const programs = await Promise.all(
      shown.map(async (program) => {
        const [sessions, cohort] = await Promise.all([listSessions(ctx, program._id), listEnrolled(ctx, program._id)]);
        const held = sessions.filter((s) => s.status === "published" && s.startTime <= now);
        const attendances = cohort.reduce((sum, e) => sum + e.attended, 0);
        // Enrolled-at-session pairs: each participant × each held session since they enrolled.
        const slots = cohort.reduce((sum, e) => sum + held.filter((s) => !beforeEnrollment(s, e)).length, 0);
        return {
          programId: program._id,
          name: program.name,
          kind: program.kind,
          status: program.status,
          startDate: program.startDate,
          endDate: program.endDate,
          sessions: program.sessionCount,
          sessionsHeld: held.length,
          participants: cohort.length,
          attendances,
          attendanceRate: slots === 0 ? null : Math.min(1, attendances / slots),
          completions: cohort.filter((e) => e.completedAt !== undefined).length,
          atRisk: cohort.filter((e) => e.atRiskAt !== undefined).length,
          applications: program.pendingCount,
        };
      }),
    );
    return { programs, truncated: overlapping.length > shown.length };
  },
});
