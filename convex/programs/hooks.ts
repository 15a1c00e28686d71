// What other features call when something a program depends on changes, inside their own
// transaction: an attendance record on a session (convex/attendance/model.ts writeAttendance),
// a session cancelled (convex/events/mutations.ts). Bounded: one enrollment, one membership,
// the program and its sessions (at most PROGRAM_LIMITS.maxSessions).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getMembershipRow } from "../attendance/model";
import { programAtRiskEmail } from "../emails/templates";
import { env } from "../lib/env";
import type { AttendanceState } from "../lib/vocabulary";
import { sendNotice } from "../notifications/deliver";
import { loadRecipient } from "../notifications/preferences";
import { getEnrollment, listSessions, settleEnrollment, type Enrollment, type Program } from "./model";

function score(state: AttendanceState | undefined) {
  return { attended: state === "attended" ? 1 : 0, excused: state === "excused" ? 1 : 0 };
}

/**
 * A session's attendance record changed state: move the participant's counters and settle
 * completion and at-risk right here, in the same transaction as the attendance write — the
 * certificate is there as soon as the deciding session is recorded, and a recorded no-show
 * raises the flag (and sends the one email) without waiting for the review job. Idempotent: a
 * write that changes nothing settles to the same result and sends nothing (the email's dedupe key).
 */
export async function onSessionAttendanceChanged(
  ctx: MutationCtx,
  event: Doc<"events">,
  userId: Id<"users">,
  before: AttendanceState | undefined,
  after: AttendanceState | undefined,
  now: number,
): Promise<void> {
  if (event.programId === undefined || before === after) return;
  const enrollment = await getEnrollment(ctx, event.programId, userId);
  if (enrollment === null || enrollment.status !== "enrolled") return;
  const b = score(before);
  const a = score(after);
  const counters = {
    attended: Math.max(0, enrollment.attended + a.attended - b.attended),
    excused: Math.max(0, enrollment.excused + a.excused - b.excused),
  };
  if (a.attended !== b.attended || a.excused !== b.excused) {
    await ctx.db.patch("programEnrollments", enrollment._id, counters);
    const membership = await getMembershipRow(ctx, event.orgId, userId);
    if (membership?.attendanceStats !== undefined && a.attended !== b.attended) {
      const base = membership.attendanceStats;
      await ctx.db.patch("orgMemberships", membership._id, {
        attendanceStats: {
          ...base,
          programSessionsAttended: Math.max(0, (base.programSessionsAttended ?? 0) + a.attended - b.attended),
        },
      });
    }
  }
  const program = await ctx.db.get("programs", event.programId);
  if (program === null) return;
  const sessions = await listSessions(ctx, program._id);
  await settleAndTell(ctx, program, { ...enrollment, ...counters }, sessions, now);
}

/**
 * Settles one enrollment and sends the at-risk note when the flag is newly raised. `email:
 * false` when the flag comes from enrolling itself (joined too late to reach the criteria):
 * admins see the flag, but "we've missed you" would not be true.
 */
export async function settleAndTell(
  ctx: MutationCtx,
  program: Program,
  enrollment: Enrollment,
  sessions: Doc<"events">[],
  now: number,
  { email = true }: { email?: boolean } = {},
): Promise<void> {
  const { enrollment: settled, newlyAtRisk } = await settleEnrollment(ctx, program, enrollment, sessions, now);
  if (email && newlyAtRisk && settled.atRiskEmailedAt === undefined) await sendAtRiskEmail(ctx, program, settled, now);
}

export function programUrl(orgSlug: string, programId: Id<"programs">): string {
  return `${env.siteUrl()}/org/${orgSlug}/programs/${programId}`;
}

/** The one gentle email per participant and program (its dedupe key makes it once, ever). */
async function sendAtRiskEmail(ctx: MutationCtx, program: Program, e: Enrollment, now: number) {
  const recipient = await loadRecipient(ctx, e.userId);
  const org = await ctx.db.get("organizations", program.orgId);
  if (recipient === null || org === null) return;
  const required = program.minAttended ?? program.sessionCount;
  const url = programUrl(org.slug, program._id);
  const sent = await sendNotice(ctx, recipient, {
    kind: "program_at_risk",
    dedupeKey: `program_at_risk:${program._id}:${e.userId}`,
    title: `We've missed you at ${program.name}`,
    body: `You've attended ${e.attended} of ${program.sessionCount} sessions; completing takes ${required}.`,
    orgId: program.orgId,
    render: (links) =>
      programAtRiskEmail({
        memberName: recipient.name,
        programName: program.name,
        orgName: org.name,
        attended: e.attended,
        required,
        total: program.sessionCount,
        programUrl: url,
        links,
      }),
  });
  if (sent) await ctx.db.patch("programEnrollments", e._id, { atRiskEmailedAt: now });
}

/** A session was cancelled: it no longer counts towards the program. */
export async function onSessionCancelled(ctx: MutationCtx, programId: Id<"programs">): Promise<void> {
  const program = await ctx.db.get("programs", programId);
  if (program === null) return;
  await ctx.db.patch("programs", programId, {
    sessionCount: Math.max(0, program.sessionCount - 1),
    updatedAt: Date.now(),
  });
}

/**
 * Someone left the org or was removed: they leave its programs too (their upcoming RSVPs are
 * released by the org's own code). Bounded by the programs they are in.
 */
export async function onMemberLeftOrg(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const rows = await ctx.db
    .query("programEnrollments")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(200);
  const now = Date.now();
  for (const e of rows) {
    if (e.status !== "enrolled" && e.status !== "pending") continue;
    const program = await ctx.db.get("programs", e.programId);
    if (program === null) continue;
    await ctx.db.patch("programEnrollments", e._id, { status: "left", leftAt: now, atRiskAt: undefined });
    await ctx.db.patch("programs", program._id, {
      enrolledCount: Math.max(0, program.enrolledCount - (e.status === "enrolled" ? 1 : 0)),
      pendingCount: Math.max(0, program.pendingCount - (e.status === "pending" ? 1 : 0)),
    });
  }
}
