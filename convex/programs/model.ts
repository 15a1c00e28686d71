// Program rules: loading with access, shapes, and participation derived from the session
// attendance records. An enrollment's `attended` / `excused` counters move with every attendance
// write on a session (./hooks.ts); what is time-dependent (which sessions are over) is read from
// the program's sessions, at most PROGRAM_LIMITS.maxSessions of them.
import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { appError } from "../lib/errors";
import {
  enrollmentModeValidator,
  enrollmentStatusValidator,
  PROGRAM_LIMITS,
  programKindValidator,
  programStatusValidator,
} from "../lib/vocabulary";
import { getMembershipRow } from "../attendance/model";

export type Program = Doc<"programs">;
export type Enrollment = Doc<"programEnrollments">;

const NOT_FOUND = "This program does not exist.";

/** The program of this org; drafts only for admins. NOT_FOUND otherwise. */
export async function loadProgram(
  ctx: QueryCtx,
  org: Doc<"organizations">,
  membership: Doc<"orgMemberships">,
  programId: Id<"programs">,
): Promise<Program> {
  const program = await ctx.db.get("programs", programId);
  if (program === null || program.orgId !== org._id) throw appError("NOT_FOUND", NOT_FOUND);
  if (program.status === "draft" && membership.role !== "admin") throw appError("NOT_FOUND", NOT_FOUND);
  return program;
}

export async function getEnrollment(ctx: QueryCtx, programId: Id<"programs">, userId: Id<"users">) {
  return await ctx.db
    .query("programEnrollments")
    .withIndex("by_program_user", (q) => q.eq("programId", programId).eq("userId", userId))
    .unique();
}

/** The program's sessions in time order, cancelled included (bounded by maxSessions). */
export async function listSessions(ctx: QueryCtx, programId: Id<"programs">) {
  return await ctx.db
    .query("events")
    .withIndex("by_program_start", (q) => q.eq("programId", programId))
    .take(PROGRAM_LIMITS.maxSessions + 1);
}

/** The cohort: enrolled participants (bounded by maxParticipants). */
export async function listEnrolled(ctx: QueryCtx, programId: Id<"programs">) {
  return await ctx.db
    .query("programEnrollments")
    .withIndex("by_program_status", (q) => q.eq("programId", programId).eq("status", "enrolled"))
    .take(PROGRAM_LIMITS.maxParticipants);
}

/** Sessions to attend for completion: the criteria, or every session. */
export function requiredSessions(program: Program): number {
  return program.minAttended ?? program.sessionCount;
}

export function credited(program: Program, e: Pick<Enrollment, "attended" | "excused">): number {
  return e.attended + (program.countExcused ? e.excused : 0);
}

// Late joiners. A session that started before a participant enrolled is "not enrolled yet" for
// them: it is neither missed nor open to them. An attended/excused record on such a session (a
// guest before joining) still counts — participation is attendance. Completion is the same for
// everyone: at least `required` credited sessions ("attend 6 of 8" still takes 6, however late
// they joined). At risk: they can no longer reach `required` with the sessions still open to them.

/** The session started before this participant enrolled (they were not RSVP'd to it). */
export function beforeEnrollment(session: Pick<Doc<"events">, "startTime">, e: Pick<Enrollment, "enrolledAt">) {
  return e.enrolledAt !== undefined && session.startTime <= e.enrolledAt;
}

/** Sessions (not cancelled) held before they enrolled: "joined after N sessions". */
export function sessionsBeforeEnrollment(sessions: Doc<"events">[], e: Pick<Enrollment, "enrolledAt">): number {
  return sessions.filter((s) => s.status !== "cancelled" && beforeEnrollment(s, e)).length;
}

/**
 * Sessions still open to a participant: not cancelled, started after they enrolled, and not yet
 * decided — a session is decided (missed unless credited) a grace period after its end, time to
 * self-report.
 */
export function openSessionCount(
  sessions: Doc<"events">[],
  e: Pick<Enrollment, "enrolledAt">,
  now: number,
  noShows: ReadonlySet<Id<"events">> = new Set(),
): number {
  return sessions.filter(
    (s) =>
      s.status !== "cancelled" &&
      !beforeEnrollment(s, e) &&
      s.endTime + PROGRAM_LIMITS.atRiskGraceMs > now &&
      !noShows.has(s._id),
  ).length;
}

/** Ended sessions still in their grace period (the only ones a no-show record decides early). */
export function inGrace(s: Pick<Doc<"events">, "endTime" | "status">, now: number): boolean {
  return s.status !== "cancelled" && s.endTime <= now && now < s.endTime + PROGRAM_LIMITS.atRiskGraceMs;
}

/**
 * A recorded no-show (admin mark or the member's own "no") decides a session at once, without
 * waiting for the grace period: the ones of this participant among the sessions in grace.
 * Bounded by the sessions that ended within the last grace period (usually none or one).
 */
export async function graceNoShows(ctx: QueryCtx, sessions: Doc<"events">[], userId: Id<"users">, now: number) {
  const out = new Set<Id<"events">>();
  for (const s of sessions) {
    if (!inGrace(s, now)) continue;
    const row = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", s._id).eq("userId", userId))
      .unique();
    if (row?.state === "no_show") out.add(s._id);
  }
  return out;
}

/**
 * At risk: credited sessions plus the sessions still open to them fall short of what completion
 * takes. For someone enrolled from the start this is "more absences than sessions − required";
 * sessions before a late joiner enrolled are not absences, but they are not open to them either.
 */
export function isAtRisk(
  program: Program,
  e: Enrollment,
  sessions: Doc<"events">[],
  now: number,
  noShows?: ReadonlySet<Id<"events">>,
): boolean {
  // A finished program flags no one: nothing is left to attend.
  if (program.status === "completed" || e.status !== "enrolled" || e.completedAt !== undefined) return false;
  return credited(program, e) + openSessionCount(sessions, e, now, noShows) < requiredSessions(program);
}

/**
 * Re-derives completion and the at-risk flag of one enrollment after its counters changed, and
 * keeps the membership's "programs completed" counter in step. Returns the patched document and
 * whether the at-risk flag was newly raised (the caller sends the one gentle email).
 */
export async function settleEnrollment(
  ctx: MutationCtx,
  program: Program,
  e: Enrollment,
  sessions: Doc<"events">[],
  now: number,
): Promise<{ enrollment: Enrollment; newlyAtRisk: boolean }> {
  const required = requiredSessions(program);
  const complete = e.status === "enrolled" && required > 0 && credited(program, e) >= required;
  const patch: Partial<Enrollment> = {};
  if (complete && e.completedAt === undefined) patch.completedAt = now;
  if (!complete && e.completedAt !== undefined) patch.completedAt = undefined;
  const next = { ...e, ...patch };
  const risk = isAtRisk(program, next, sessions, now, await graceNoShows(ctx, sessions, e.userId, now));
  if (risk && e.atRiskAt === undefined) patch.atRiskAt = now;
  if (!risk && e.atRiskAt !== undefined) patch.atRiskAt = undefined;
  if (Object.keys(patch).length === 0) return { enrollment: e, newlyAtRisk: false };
  await ctx.db.patch("programEnrollments", e._id, patch);
  if ("completedAt" in patch) {
    const membership = await getMembershipRow(ctx, program.orgId, e.userId);
    if (membership !== null) {
      const base = membership.attendanceStats ?? {
        attendedVerified: 0,
        attendedSelfReported: 0,
        rsvped: 0,
        noShows: 0,
      };
      const delta = patch.completedAt === undefined ? -1 : 1;
      await ctx.db.patch("orgMemberships", membership._id, {
        attendanceStats: { ...base, programsCompleted: Math.max(0, (base.programsCompleted ?? 0) + delta) },
      });
    }
  }
  return { enrollment: { ...e, ...patch }, newlyAtRisk: risk && e.atRiskAt === undefined };
}

// ---------------------------------------------------------------------------------------------
// Shapes

export const programSummaryValidator = v.object({
  _id: v.id("programs"),
  orgId: v.id("organizations"),
  name: v.string(),
  kind: programKindValidator,
  status: programStatusValidator,
  startDate: v.string(),
  endDate: v.string(),
  timezone: v.string(),
  capacity: v.optional(v.number()),
  enrollmentMode: enrollmentModeValidator,
  enrolledCount: v.number(),
  sessionCount: v.number(),
  minAttended: v.optional(v.number()),
  countExcused: v.boolean(),
});

export function toProgramSummary(p: Program): Infer<typeof programSummaryValidator> {
  return {
    _id: p._id,
    orgId: p.orgId,
    name: p.name,
    kind: p.kind,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    timezone: p.timezone,
    capacity: p.capacity,
    enrollmentMode: p.enrollmentMode,
    enrolledCount: p.enrolledCount,
    sessionCount: p.sessionCount,
    minAttended: p.minAttended,
    countExcused: p.countExcused,
  };
}

export const progressValidator = v.object({
  attended: v.number(),
  excused: v.number(),
  credited: v.number(), // towards completion
  required: v.number(),
  total: v.number(), // sessions (not cancelled)
  completedAt: v.optional(v.number()),
  atRisk: v.boolean(),
  joinedAfter: v.number(), // sessions held before they enrolled (late joiners), not absences
});

/** `joinedAfter`: sessions held before they enrolled (sessionsBeforeEnrollment). */
export function toProgress(program: Program, e: Enrollment, joinedAfter: number): Infer<typeof progressValidator> {
  return {
    attended: e.attended,
    excused: e.excused,
    credited: credited(program, e),
    required: requiredSessions(program),
    total: program.sessionCount,
    completedAt: e.completedAt,
    atRisk: e.atRiskAt !== undefined,
    joinedAfter,
  };
}

export const viewerEnrollmentValidator = v.object({
  status: enrollmentStatusValidator,
  progress: progressValidator,
});
