// Enrolling and leaving. An enrolled participant is RSVP'd going to every upcoming session
// (through the events' own RSVP bookkeeping, so counters and waitlists stay right) and may
// decline one on its page; leaving releases their RSVPs to sessions that have not started.
// Bounded by the program's sessions (at most PROGRAM_LIMITS.maxSessions), not by the cohort.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { nameOf } from "../attendance/model";
import { appError } from "../lib/errors";
import { applyRsvp, getRsvp, releaseRsvp } from "../events/model";
import { internal } from "../_generated/api";
import { settleAndTell } from "./hooks";
import { getEnrollment, listSessions, settleEnrollment, type Program } from "./model";

export function requireRoom(program: Program) {
  if (program.capacity !== undefined && program.enrolledCount >= program.capacity) {
    throw appError("CONFLICT", "This program is full.");
  }
}

/** RSVPs one participant going to every session of the program that has not started yet. */
export async function rsvpUpcomingSessions(
  ctx: MutationCtx,
  programId: Id<"programs">,
  userId: Id<"users">,
  now: number,
) {
  const sessions = await listSessions(ctx, programId);
  for (const session of sessions) {
    if (session.status !== "published" || session.startTime <= now) continue;
    const fresh = (await ctx.db.get("events", session._id))!;
    await applyRsvp(ctx, fresh, userId, "going", now);
  }
  return sessions;
}

/**
 * Puts someone in the program (new, pending, or back after leaving): counters move, their
 * attended/excused are recounted from their records on past sessions, RSVPs follow.
 */
export async function enroll(
  ctx: MutationCtx,
  program: Program,
  userId: Id<"users">,
  now: number,
  /** When they count as enrolled from (demo data backdates it); defaults to now. */
  since = now,
) {
  const existing = await getEnrollment(ctx, program._id, userId);
  if (existing?.status === "enrolled") return existing;
  requireRoom(program);
  const sessions = await rsvpUpcomingSessions(ctx, program._id, userId, now);
  // Records from sessions before (re)joining still count: participation is attendance.
  let attended = 0;
  let excused = 0;
  for (const session of sessions) {
    if (session.startTime > now) continue;
    const row = await getRsvp(ctx, session._id, userId);
    if (row?.state === "attended") attended += 1;
    if (row?.state === "excused") excused += 1;
  }
  // Back after leaving: the first enrollment stands, so sessions missed meanwhile stay missed
  // (leaving and rejoining does not turn absences into "not enrolled yet").
  const enrolledAt = existing?.enrolledAt ?? since;
  const fields = { status: "enrolled" as const, enrolledAt, leftAt: undefined, attended, excused };
  let id: Id<"programEnrollments">;
  if (existing === null) {
    id = await ctx.db.insert("programEnrollments", {
      programId: program._id,
      orgId: program.orgId,
      userId,
      name: await nameOf(ctx, userId),
      ...fields,
    });
  } else {
    id = existing._id;
    await ctx.db.patch("programEnrollments", existing._id, fields);
  }
  await ctx.db.patch("programs", program._id, {
    enrolledCount: program.enrolledCount + 1,
    pendingCount: Math.max(0, program.pendingCount - (existing?.status === "pending" ? 1 : 0)),
  });
  const row = (await ctx.db.get("programEnrollments", id))!;
  const updated = (await ctx.db.get("programs", program._id))!;
  // Joining too late to reach the criteria flags them at once, without the "missed you" email.
  await settleAndTell(ctx, updated, row, sessions, now, { email: false });
  return (await ctx.db.get("programEnrollments", id))!;
}

/** A request to join an "apply" program, waiting for an admin. */
export async function apply(ctx: MutationCtx, program: Program, userId: Id<"users">, now: number) {
  const existing = await getEnrollment(ctx, program._id, userId);
  if (existing?.status === "enrolled") throw appError("CONFLICT", "You are already in this program.");
  if (existing?.status === "pending") return existing;
  const fields = { status: "pending" as const, appliedAt: now, attended: 0, excused: 0 };
  if (existing === null) {
    await ctx.db.insert("programEnrollments", {
      programId: program._id,
      orgId: program.orgId,
      userId,
      name: await nameOf(ctx, userId),
      ...fields,
    });
  } else {
    await ctx.db.patch("programEnrollments", existing._id, fields);
  }
  await ctx.db.patch("programs", program._id, { pendingCount: program.pendingCount + 1 });
  return null;
}

/**
 * Takes someone out (left, removed, or an application declined): their RSVPs to sessions not
 * yet started go, a completion stops counting, the history stays on the session records.
 */
export async function unenroll(
  ctx: MutationCtx,
  program: Program,
  enrollment: Doc<"programEnrollments">,
  to: "left" | "declined",
  now: number,
) {
  const wasEnrolled = enrollment.status === "enrolled";
  const wasPending = enrollment.status === "pending";
  if (!wasEnrolled && !wasPending) return;
  if (wasEnrolled) {
    // Completion leaves with them (the membership counter too): settle as not enrolled.
    await settleEnrollment(ctx, program, { ...enrollment, status: to }, [], now);
    const sessions = await listSessions(ctx, program._id);
    for (const session of sessions) {
      if (session.startTime <= now) continue;
      const fresh = (await ctx.db.get("events", session._id))!;
      if ((await releaseRsvp(ctx, fresh, enrollment.userId, now)) === true) {
        await ctx.scheduler.runAfter(0, internal.events.mutations.continuePromotions, { eventId: session._id });
      }
    }
  }
  await ctx.db.patch("programEnrollments", enrollment._id, { status: to, leftAt: now, atRiskAt: undefined });
  await ctx.db.patch("programs", program._id, {
    enrolledCount: Math.max(0, program.enrolledCount - (wasEnrolled ? 1 : 0)),
    pendingCount: Math.max(0, program.pendingCount - (wasPending ? 1 : 0)),
  });
}
