// Program reads. Reads per call:
// - listPrograms: the org's programs (≤ listPageSize) and the viewer's enrollment in each.
// - getProgram (program page): the program, its sessions (≤ maxSessions) and the viewer's row
//   at each — flat in the cohort size.
// - matrix (admin): the cohort × the sessions' attendance records — bounded by the cohort
//   (≤ maxParticipants) and the sessions (≤ maxSessions) by design; upcoming sessions read none.
// - myPrograms: the caller's enrollments and their programs.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { appError } from "../lib/errors";
import { orgAdminQuery, orgMemberQuery, userQuery } from "../lib/functions";
import {
  attendanceStateValidator,
  enrollmentStatusValidator,
  PROGRAM_LIMITS,
  rsvpStatusValidator,
  type SessionCellState,
} from "../lib/vocabulary";
import { getRsvp } from "../events/model";
import {
  getEnrollment,
  beforeEnrollment,
  inGrace,
  isAtRisk,
  listEnrolled,
  listSessions,
  loadProgram,
  sessionsBeforeEnrollment,
  programSummaryValidator,
  progressValidator,
  toProgramSummary,
  toProgress,
} from "./model";

const programArgs = { programId: v.id("programs") };

export const listPrograms = orgMemberQuery({
  args: {},
  returns: v.array(
    v.object({ ...programSummaryValidator.fields, viewerStatus: v.union(enrollmentStatusValidator, v.null()) }),
  ),
  handler: async (ctx) => {
    const isAdmin = ctx.membership.role === "admin";
    const programs = await ctx.db
      .query("programs")
      .withIndex("by_org_start", (q) => q.eq("orgId", ctx.org._id))
      .order("desc")
      .take(PROGRAM_LIMITS.listPageSize);
    const visible = programs.filter((p) => isAdmin || p.status !== "draft");
    return await Promise.all(
      visible.map(async (p) => ({
        ...toProgramSummary(p),
        viewerStatus: (await getEnrollment(ctx, p._id, ctx.user._id))?.status ?? null,
      })),
    );
  },
});

const sessionValidator = v.object({
  _id: v.id("events"),
  title: v.string(),
  startTime: v.number(),
  endTime: v.number(),
  timezone: v.string(),
  status: v.union(v.literal("draft"), v.literal("published"), v.literal("cancelled")),
  venue: v.optional(v.string()),
  seriesId: v.optional(v.string()),
});

function toSession(s: Doc<"events">) {
  return {
    _id: s._id,
    title: s.title,
    startTime: s.startTime,
    endTime: s.endTime,
    timezone: s.timezone,
    status: s.status,
    venue: s.location,
    seriesId: s.series?.seriesId,
  };
}

export const joinBlockedValidator = v.union(
  v.literal("not_active"),
  v.literal("admins_add"),
  v.literal("full"),
  v.literal("declined"),
  v.null(),
);

export const getProgram = orgMemberQuery({
  args: programArgs,
  returns: v.object({
    program: v.object({
      ...programSummaryValidator.fields,
      description: v.optional(v.string()),
      pendingCount: v.number(),
    }),
    org: v.object({ _id: v.id("organizations"), name: v.string(), slug: v.string() }),
    isAdmin: v.boolean(),
    sessions: v.array(
      v.object({
        ...sessionValidator.fields,
        viewerRsvp: v.union(rsvpStatusValidator, v.null()),
        viewerState: v.union(attendanceStateValidator, v.null()),
        beforeJoining: v.boolean(), // held before the viewer enrolled: not an absence
      }),
    ),
    viewer: v.union(
      v.object({ status: enrollmentStatusValidator, progress: v.union(progressValidator, v.null()) }),
      v.null(),
    ),
    joinBlocked: joinBlockedValidator,
  }),
  handler: async (ctx, { programId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const isAdmin = ctx.membership.role === "admin";
    const enrollment = await getEnrollment(ctx, programId, ctx.user._id);
    const sessions = (await listSessions(ctx, programId)).filter((s) => isAdmin || s.status !== "draft");
    const rows = await Promise.all(
      sessions.map(async (s) => {
        const row = await getRsvp(ctx, s._id, ctx.user._id);
        return {
          ...toSession(s),
          viewerRsvp: row?.rsvpStatus ?? null,
          viewerState: row?.state ?? null,
          beforeJoining: enrollment?.status === "enrolled" && beforeEnrollment(s, enrollment),
        };
      }),
    );
    const full = program.capacity !== undefined && program.enrolledCount >= program.capacity;
    const joinBlocked =
      enrollment?.status === "enrolled" || enrollment?.status === "pending"
        ? null
        : program.status !== "active"
          ? ("not_active" as const)
          : program.enrollmentMode === "admin"
            ? ("admins_add" as const)
            : enrollment?.status === "declined"
              ? ("declined" as const)
              : full
                ? ("full" as const)
                : null;
    return {
      program: { ...toProgramSummary(program), description: program.description, pendingCount: program.pendingCount },
      org: { _id: ctx.org._id, name: ctx.org.name, slug: ctx.org.slug },
      isAdmin,
      sessions: rows,
      viewer:
        enrollment === null
          ? null
          : {
              status: enrollment.status,
              progress:
                enrollment.status === "enrolled"
                  ? toProgress(program, enrollment, sessionsBeforeEnrollment(sessions, enrollment))
                  : null,
            },
      joinBlocked,
    };
  },
});

const cellValidator = v.union(
  v.literal("attended"),
  v.literal("missed"),
  v.literal("excused"),
  v.literal("upcoming"),
  v.literal("cancelled"),
  v.literal("not_enrolled"),
);

type Recorded = "attended" | "excused" | "no_show";

/**
 * Which sessions each participant attended, by attendance record; userId → state per session.
 * No-shows only matter while a session is in its grace period (they decide it early).
 */
async function recordedStates(ctx: QueryCtx, session: Doc<"events">, now: number) {
  const states = new Map<Id<"users">, Recorded>();
  const wanted: Recorded[] = inGrace(session, now) ? ["attended", "excused", "no_show"] : ["attended", "excused"];
  for (const state of wanted) {
    const rows = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_state", (q) => q.eq("eventId", session._id).eq("state", state))
      .take(PROGRAM_LIMITS.maxParticipants * 2);
    for (const row of rows) states.set(row.userId, state);
  }
  return states;
}

/**
 * One matrix cell. An attended/excused record wins (even from before enrolling: it counts);
 * otherwise a session that started before the participant enrolled is "not enrolled yet" —
 * never "missed".
 */
export function cellState(
  session: Pick<Doc<"events">, "status" | "startTime" | "endTime">,
  recorded: Recorded | undefined,
  enrollment: Pick<Doc<"programEnrollments">, "enrolledAt">,
  now: number,
): SessionCellState {
  if (session.status === "cancelled") return "cancelled";
  if (recorded === "attended" || recorded === "excused") return recorded;
  if (beforeEnrollment(session, enrollment)) return "not_enrolled";
  return now < session.endTime ? "upcoming" : "missed";
}

/** The admin's participants × sessions matrix, with progress, at-risk and applications. */
export const matrix = orgAdminQuery({
  args: programArgs,
  returns: v.object({
    sessions: v.array(sessionValidator),
    participants: v.array(
      v.object({
        userId: v.id("users"),
        name: v.string(),
        cells: v.array(cellValidator),
        progress: progressValidator,
      }),
    ),
    applications: v.array(v.object({ userId: v.id("users"), name: v.string(), appliedAt: v.number() })),
  }),
  handler: async (ctx, { programId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const now = Date.now();
    const sessions = (await listSessions(ctx, programId)).slice(0, PROGRAM_LIMITS.maxSessions);
    const cohort = await listEnrolled(ctx, programId);
    const recorded = await Promise.all(
      sessions.map((s) =>
        s.status === "cancelled" || s.startTime > now ? new Map<Id<"users">, Recorded>() : recordedStates(ctx, s, now),
      ),
    );
    const pending = await ctx.db
      .query("programEnrollments")
      .withIndex("by_program_status", (q) => q.eq("programId", programId).eq("status", "pending"))
      .take(PROGRAM_LIMITS.listPageSize);
    return {
      sessions: sessions.map(toSession),
      participants: cohort.map((e) => {
        const noShows = new Set(sessions.filter((s, i) => recorded[i]!.get(e.userId) === "no_show").map((s) => s._id));
        return {
          userId: e.userId,
          name: e.name,
          cells: sessions.map((s, i) => cellState(s, recorded[i]!.get(e.userId), e, now)),
          // Live: the flag as of now (the stored one, which sends the email, is set by the attendance
          // write or by the review job at the end of a session's grace period).
          progress: {
            ...toProgress(program, e, sessionsBeforeEnrollment(sessions, e)),
            atRisk: isAtRisk(program, e, sessions, now, noShows),
          },
        };
      }),
      applications: pending.map((e) => ({ userId: e.userId, name: e.name, appliedAt: e.appliedAt ?? 0 })),
    };
  },
});

/** The caller's programs (enrolled now, or completed), for the dashboard. */
export const myPrograms = userQuery({
  args: {},
  returns: v.array(
    v.object({
      program: programSummaryValidator,
      org: v.object({ name: v.string(), slug: v.string() }),
      progress: progressValidator,
      nextSession: v.union(v.object({ _id: v.id("events"), startTime: v.number(), timezone: v.string() }), v.null()),
    }),
  ),
  handler: async (ctx) => {
    const rows = await ctx.db
      .query("programEnrollments")
      .withIndex("by_user_status", (q) => q.eq("userId", ctx.user._id).eq("status", "enrolled"))
      .take(50);
    const now = Date.now();
    const out = [];
    for (const e of rows) {
      const program = await ctx.db.get("programs", e.programId);
      const org = await ctx.db.get("organizations", e.orgId);
      if (program === null || org === null || program.status === "draft") continue;
      // The next few sessions; a cancelled one is skipped (at most a handful are read).
      const upcoming = await ctx.db
        .query("events")
        .withIndex("by_program_start", (q) => q.eq("programId", program._id).gt("startTime", now))
        .take(5);
      const next = upcoming.find((s) => s.status === "published") ?? null;
      // Late joiners only: the sessions held before they enrolled (none read for everyone else).
      const earlier =
        e.enrolledAt === undefined
          ? []
          : await ctx.db
              .query("events")
              .withIndex("by_program_start", (q) => q.eq("programId", program._id).lte("startTime", e.enrolledAt!))
              .take(PROGRAM_LIMITS.maxSessions);
      out.push({
        program: toProgramSummary(program),
        org: { name: org.name, slug: org.slug },
        progress: toProgress(program, e, sessionsBeforeEnrollment(earlier, e)),
        nextSession: next === null ? null : { _id: next._id, startTime: next.startTime, timezone: next.timezone },
      });
    }
    return out;
  },
});

/** A completion certificate: the caller's own, or (admins) any participant's. */
export const certificate = orgMemberQuery({
  args: { ...programArgs, userId: v.optional(v.id("users")) },
  returns: v.object({
    name: v.string(),
    programName: v.string(),
    kind: programSummaryValidator.fields.kind,
    orgName: v.string(),
    startDate: v.string(),
    endDate: v.string(),
    completedAt: v.number(),
    attended: v.number(),
    total: v.number(),
  }),
  handler: async (ctx, { programId, userId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const who = userId ?? ctx.user._id;
    if (who !== ctx.user._id && ctx.membership.role !== "admin") {
      throw appError("FORBIDDEN", "You can only see your own certificate.");
    }
    const e = await getEnrollment(ctx, programId, who);
    if (e === null || e.status !== "enrolled" || e.completedAt === undefined) {
      throw appError("NOT_FOUND", "There is no certificate for this program yet.");
    }
    return {
      name: e.name,
      programName: program.name,
      kind: program.kind,
      orgName: ctx.org.name,
      startDate: program.startDate,
      endDate: program.endDate,
      completedAt: e.completedAt,
      attended: e.attended,
      total: program.sessionCount,
    };
  },
});
