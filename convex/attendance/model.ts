// Attendance rules: one record per (event, person) on eventAttendance, combining the verified
// record (`mark`: a check-in at the door or the venue, or an admin's mark) with the member's
// own answer (`selfReport`). The effective state, its source and whether the two disagree are
// derived here, and every write goes through `writeAttendance`, which moves the event's and the
// membership's counters by the difference between the row's contribution before and after, in
// the same transaction. Nothing is ever counted by scanning.
import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { appError } from "../lib/errors";
import {
  ATTENDANCE_LIMITS,
  attendanceSourceValidator,
  attendanceStateValidator,
  checkInViaValidator,
  rsvpStatusValidator,
  type AttendanceSource,
  type AttendanceState,
} from "../lib/vocabulary";
import { displayName, getProfileByUser } from "../profiles/model";
import { onSessionAttendanceChanged } from "../programs/hooks";
import type { eventAttendanceStatsValidator, markValidator, memberAttendanceStatsValidator } from "../schema";
import { onMembershipChanged } from "../crm/directoryHooks";

export type Mark = Infer<typeof markValidator>;
export type EventStats = Infer<typeof eventAttendanceStatsValidator>;
export type MemberStats = Infer<typeof memberAttendanceStatsValidator>;
type Row = Doc<"eventAttendance">;

export const EMPTY_EVENT_STATS: EventStats = {
  attended: 0,
  noShows: 0,
  excused: 0,
  checkedIn: 0,
  selfReported: 0,
  disputed: 0,
  walkIns: 0,
  feedbackCount: 0,
  ratingSum: 0,
  ratingCounts: [0, 0, 0, 0, 0],
};

export const EMPTY_MEMBER_STATS: MemberStats = {
  attendedVerified: 0,
  attendedSelfReported: 0,
  rsvped: 0,
  noShows: 0,
};

export function eventStats(event: Doc<"events">): EventStats {
  return event.attendanceStats ?? EMPTY_EVENT_STATS;
}

// ---------------------------------------------------------------------------------------------
// Derivation

export type Derived = {
  state: AttendanceState | undefined;
  source: AttendanceSource | undefined;
  disputed: boolean;
};

/**
 * The effective record. A mark (check-in or admin) outranks the member's answer; a mark of
 * "unknown" is no mark. Disputed: both exist and disagree on whether the person was there.
 * A member's "no, I couldn't make it" counts as a no-show on their word.
 */
export function derive(mark: Mark | undefined, selfReport: Row["selfReport"]): Derived {
  const verified = mark !== undefined && mark.state !== "unknown" ? mark : undefined;
  if (verified !== undefined) {
    const disputed = selfReport !== undefined && selfReport.attended !== (verified.state === "attended");
    return { state: verified.state, source: verified.source, disputed };
  }
  if (selfReport !== undefined) {
    return { state: selfReport.attended ? "attended" : "no_show", source: "self_report", disputed: false };
  }
  return { state: undefined, source: undefined, disputed: false };
}

/** True when an admin or a check-in has recorded this person (the prompt is not sent then). */
export function hasVerifiedRecord(row: Pick<Row, "mark">): boolean {
  return row.mark !== undefined && row.mark.state !== "unknown";
}

// ---------------------------------------------------------------------------------------------
// Counters

type Contribution = { event: EventStats; member: Omit<MemberStats, "lastAttendedAt" | "lastActivityAt"> };

function contribution(row: Partial<Row> | null): Contribution {
  const event: EventStats = { ...EMPTY_EVENT_STATS, ratingCounts: [0, 0, 0, 0, 0] };
  const member = { attendedVerified: 0, attendedSelfReported: 0, rsvped: 0, noShows: 0 };
  if (row === null) return { event, member };
  if (row.state === "attended") {
    event.attended = 1;
    if (row.source === "check_in") event.checkedIn = 1;
    if (row.source === "self_report") {
      event.selfReported = 1;
      member.attendedSelfReported = 1;
    } else {
      member.attendedVerified = 1;
    }
  } else if (row.state === "no_show") {
    event.noShows = 1;
    member.noShows = 1;
  } else if (row.state === "excused") {
    event.excused = 1;
  }
  if (row.disputed === true) event.disputed = 1;
  if (row.walkIn === true) event.walkIns = 1;
  const rating = row.feedback?.rating;
  if (rating !== undefined) {
    event.feedbackCount = 1;
    event.ratingSum = rating;
    event.ratingCounts[rating - 1] = 1;
  }
  if (row.rsvpCounted === true) member.rsvped = 1;
  return { event, member };
}

function addEventStats(base: EventStats, plus: EventStats, minus: EventStats): EventStats {
  const out = { ...base, ratingCounts: [...base.ratingCounts] };
  for (const key of Object.keys(EMPTY_EVENT_STATS) as (keyof EventStats)[]) {
    if (key === "ratingCounts") continue;
    out[key] = Math.max(0, base[key] + plus[key] - minus[key]);
  }
  out.ratingCounts = [0, 1, 2, 3, 4].map((i) =>
    Math.max(0, (base.ratingCounts[i] ?? 0) + plus.ratingCounts[i]! - minus.ratingCounts[i]!),
  );
  return out;
}

function sameEventStats(a: EventStats, b: EventStats) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function getMembershipRow(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  return await ctx.db
    .query("orgMemberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

/** The fields writeAttendance may change on a row. */
export type AttendancePatch = Partial<
  Pick<
    Row,
    | "mark"
    | "selfReport"
    | "feedback"
    | "walkIn"
    | "rsvpCounted"
    | "name"
    | "prompt"
    | "promptPendingAt"
    | "promptDueAt"
    | "commentAt"
  >
>;

/**
 * Writes an attendance change to the row (creating a walk-in row when `row` is null), re-derives
 * state/source/disputed and the seed's `attended`, and moves the counters of the event and of
 * the person's membership by the difference. `event` must be the current document; the caller
 * must not patch the event's attendanceStats itself in the same transaction without re-reading.
 */
export async function writeAttendance(
  ctx: MutationCtx,
  event: Doc<"events">,
  userId: Id<"users">,
  row: Row | null,
  patch: AttendancePatch,
  now: number,
): Promise<Row> {
  const merged = { ...(row ?? {}), ...patch } as Partial<Row>;
  const derived = derive(merged.mark, merged.selfReport);
  const recordChanged =
    row === null ||
    row.state !== derived.state ||
    row.source !== derived.source ||
    (row.disputed ?? false) !== derived.disputed;
  const fields: Partial<Row> = {
    ...patch,
    state: derived.state,
    source: derived.source,
    disputed: derived.disputed ? true : undefined,
    attended: derived.state === undefined || derived.state === "unknown" ? undefined : derived.state === "attended",
    attendedConfirmedAt:
      derived.state === undefined ? undefined : recordChanged ? now : (row?.attendedConfirmedAt ?? now),
    historyAt: derived.state !== undefined || merged.feedback !== undefined ? event.endTime : undefined,
  };
  let id: Id<"eventAttendance">;
  if (row === null) {
    const name = patch.name ?? (await nameOf(ctx, userId));
    id = await ctx.db.insert("eventAttendance", {
      eventId: event._id,
      userId,
      rsvpStatus: "not_going",
      rsvpAt: now,
      ...fields,
      name,
    });
  } else {
    id = row._id;
    await ctx.db.patch("eventAttendance", row._id, fields);
  }
  const after = (await ctx.db.get("eventAttendance", id))!;
  const before = contribution(row);
  const next = contribution(after);
  const stats = addEventStats(eventStats(event), next.event, before.event);
  if (!sameEventStats(stats, eventStats(event))) {
    await ctx.db.patch("events", event._id, { attendanceStats: stats });
    event.attendanceStats = stats; // callers keep using the same document
  }
  await bumpMember(ctx, event, userId, before.member, next.member, after, now);
  if (event.programId !== undefined) await onSessionAttendanceChanged(ctx, event, userId, row?.state, after.state, now);
  return after;
}

async function bumpMember(
  ctx: MutationCtx,
  event: Doc<"events">,
  userId: Id<"users">,
  before: Contribution["member"],
  after: Contribution["member"],
  row: Row,
  now: number,
) {
  const membership = await getMembershipRow(ctx, event.orgId, userId);
  if (membership === null) return; // left the org: their history stays on the rows
  const base = membership.attendanceStats ?? EMPTY_MEMBER_STATS;
  const stats: MemberStats = {
    ...base,
    attendedVerified: Math.max(0, base.attendedVerified + after.attendedVerified - before.attendedVerified),
    attendedSelfReported: Math.max(
      0,
      base.attendedSelfReported + after.attendedSelfReported - before.attendedSelfReported,
    ),
    rsvped: Math.max(0, base.rsvped + after.rsvped - before.rsvped),
    noShows: Math.max(0, base.noShows + after.noShows - before.noShows),
    lastActivityAt: Math.max(base.lastActivityAt ?? 0, now),
  };
  if (row.state === "attended") stats.lastAttendedAt = Math.max(base.lastAttendedAt ?? 0, event.endTime);
  await ctx.db.patch("orgMemberships", membership._id, { attendanceStats: stats });
  const attendedBefore = base.attendedVerified + base.attendedSelfReported;
  const attendedAfter = stats.attendedVerified + stats.attendedSelfReported;
  if (attendedBefore !== attendedAfter || base.lastAttendedAt !== stats.lastAttendedAt) {
    await onMembershipChanged(ctx, event.orgId, userId);
  }
}

/**
 * Called by the RSVP code for every RSVP change: counts the event once in the member's
 * "events RSVP'd" the first time they answer going, maybe or waitlisted, and records activity.
 */
export async function onRsvpChanged(ctx: MutationCtx, event: Doc<"events">, row: Row, now: number): Promise<void> {
  const counts = row.rsvpStatus !== "not_going" && row.rsvpCounted !== true;
  const membership = await getMembershipRow(ctx, event.orgId, row.userId);
  if (counts) await ctx.db.patch("eventAttendance", row._id, { rsvpCounted: true });
  if (membership === null) return;
  const base = membership.attendanceStats ?? EMPTY_MEMBER_STATS;
  await ctx.db.patch("orgMemberships", membership._id, {
    attendanceStats: { ...base, rsvped: base.rsvped + (counts ? 1 : 0), lastActivityAt: now },
  });
}

export async function nameOf(ctx: QueryCtx, userId: Id<"users">): Promise<string> {
  const [user, profile] = await Promise.all([ctx.db.get("users", userId), getProfileByUser(ctx, userId)]);
  return displayName(profile, user);
}

// ---------------------------------------------------------------------------------------------
// Windows

export function checkInWindow(event: Pick<Doc<"events">, "startTime" | "endTime">) {
  return {
    opensAt: event.startTime - ATTENDANCE_LIMITS.checkInOpensBeforeMs,
    closesAt: event.endTime + ATTENDANCE_LIMITS.checkInClosesAfterMs,
  };
}

/** Refuses check-ins outside [start − 2 h, end + 12 h] and for events not published. */
export function requireCheckInOpen(event: Doc<"events">, now: number) {
  if (event.status !== "published") {
    throw appError("CONFLICT", event.status === "cancelled" ? "This event was cancelled." : "Publish the event first.");
  }
  const { opensAt, closesAt } = checkInWindow(event);
  if (now < opensAt) throw appError("CONFLICT", "Check-in opens 2 hours before the event starts.");
  if (now > closesAt) {
    throw appError("CONFLICT", "Check-in closed 12 hours after the event ended; use the attendance sheet instead.");
  }
}

/** The attendance sheet opens at the start (marks for people who did or did not come). */
export function requireSheetOpen(event: Doc<"events">, now: number) {
  if (event.status !== "published") {
    throw appError("CONFLICT", event.status === "cancelled" ? "This event was cancelled." : "Publish the event first.");
  }
  if (now < event.startTime - ATTENDANCE_LIMITS.checkInOpensBeforeMs) {
    throw appError("CONFLICT", "Attendance can be recorded from 2 hours before the event starts.");
  }
}

export function feedbackEditableUntil(event: Pick<Doc<"events">, "endTime">) {
  return event.endTime + ATTENDANCE_LIMITS.feedbackWindowMs;
}

// ---------------------------------------------------------------------------------------------
// Shapes

export const markShapeValidator = v.object({
  state: attendanceStateValidator,
  source: v.union(v.literal("check_in"), v.literal("admin")),
  via: v.optional(checkInViaValidator),
  byName: v.string(),
  at: v.number(),
});

export const feedbackShapeValidator = v.object({
  rating: v.number(),
  comment: v.optional(v.string()),
  anonymous: v.boolean(),
  submittedAt: v.number(),
  updatedAt: v.number(),
});

export function toFeedback(row: Pick<Row, "feedback">) {
  const f = row.feedback;
  if (f === undefined || f.rating === undefined) return null;
  return {
    rating: f.rating,
    comment: f.comment,
    anonymous: f.anonymous === true,
    submittedAt: f.submittedAt,
    updatedAt: f.updatedAt ?? f.submittedAt,
  };
}

/** One person on the door list or the attendance sheet (admins). */
export const attendanceRowValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  rsvpStatus: rsvpStatusValidator,
  walkIn: v.boolean(),
  state: attendanceStateValidator, // "unknown" when nothing is recorded
  source: v.union(attendanceSourceValidator, v.null()),
  via: v.union(checkInViaValidator, v.null()),
  checkedIn: v.boolean(),
  recordedAt: v.union(v.number(), v.null()),
  mark: v.union(markShapeValidator, v.null()),
  selfReport: v.union(v.object({ attended: v.boolean(), at: v.number() }), v.null()),
  disputed: v.boolean(),
  /** Left feedback under their name (anonymous feedback is not shown here). */
  hasFeedback: v.boolean(),
});

export async function toAttendanceRow(ctx: QueryCtx, row: Row) {
  const name = row.name ?? (await nameOf(ctx, row.userId));
  const mark = row.mark;
  return {
    userId: row.userId,
    name,
    rsvpStatus: row.rsvpStatus,
    walkIn: row.walkIn === true,
    state: row.state ?? "unknown",
    source: row.source ?? null,
    via: mark !== undefined && row.source === "check_in" ? (mark.via ?? "door") : null,
    checkedIn: row.source === "check_in" && row.state === "attended",
    recordedAt: row.state === undefined ? null : (row.attendedConfirmedAt ?? null),
    mark:
      mark === undefined || mark.state === "unknown"
        ? null
        : {
            state: mark.state,
            source: mark.source,
            via: mark.via,
            byName: mark.by === row.userId ? name : await nameOf(ctx, mark.by),
            at: mark.at,
          },
    selfReport: row.selfReport ?? null,
    disputed: row.disputed === true,
    // Anonymous feedback stays unlinked from the person, on the sheet too.
    hasFeedback: row.feedback?.rating !== undefined && row.feedback.anonymous !== true,
  };
}

/** The viewer's own attendance at an event (the event page after it ends). */
export const viewerAttendanceValidator = v.object({
  state: attendanceStateValidator, // "unknown" when nothing is recorded
  source: v.union(attendanceSourceValidator, v.null()),
  via: v.union(checkInViaValidator, v.null()),
  verified: v.boolean(), // recorded by a check-in or an admin
  recordedAt: v.union(v.number(), v.null()),
  selfReport: v.union(v.object({ attended: v.boolean(), at: v.number() }), v.null()),
  disputed: v.boolean(),
  walkIn: v.boolean(),
  /** The "did you make it?" question applies: the event ended, they RSVP'd, nothing verified, not answered. */
  canAnswer: v.boolean(),
  promptsSent: v.number(),
  canDefer: v.boolean(),
  feedback: v.union(feedbackShapeValidator, v.null()),
  /** Feedback may be given or edited now (attended, within 14 days of the end). */
  canGiveFeedback: v.boolean(),
  feedbackEditableUntil: v.number(),
});
export type ViewerAttendance = Infer<typeof viewerAttendanceValidator>;

export function canAnswerPrompt(event: Doc<"events">, row: Row | null, now: number): boolean {
  return (
    row !== null &&
    event.status === "published" &&
    now >= event.endTime &&
    now <= event.endTime + ATTENDANCE_LIMITS.promptAnswerWindowMs &&
    (row.rsvpStatus === "going" || row.rsvpStatus === "maybe") &&
    !hasVerifiedRecord(row) &&
    row.selfReport === undefined &&
    row.prompt?.dismissedAt === undefined
  );
}

export function canGiveFeedback(event: Doc<"events">, row: Row | null, now: number): boolean {
  return (
    row !== null &&
    event.status === "published" &&
    now >= event.endTime &&
    now <= feedbackEditableUntil(event) &&
    (row.state === "attended" || row.selfReport?.attended === true)
  );
}

export function toViewerAttendance(event: Doc<"events">, row: Row | null, now: number): ViewerAttendance {
  const sent = row?.prompt?.sent ?? 0;
  const canAnswer = canAnswerPrompt(event, row, now);
  return {
    state: row?.state ?? "unknown",
    source: row?.source ?? null,
    via: row?.mark !== undefined && row.source === "check_in" ? (row.mark.via ?? "door") : null,
    verified: row?.source === "check_in" || row?.source === "admin",
    recordedAt: row?.state === undefined ? null : (row.attendedConfirmedAt ?? null),
    selfReport: row?.selfReport ?? null,
    disputed: row?.disputed === true,
    walkIn: row?.walkIn === true,
    canAnswer,
    promptsSent: sent,
    canDefer: canAnswer && sent < ATTENDANCE_LIMITS.maxPrompts && row?.prompt?.deferredAt === undefined,
    feedback: row === null ? null : toFeedback(row),
    canGiveFeedback: canGiveFeedback(event, row, now),
    feedbackEditableUntil: feedbackEditableUntil(event),
  };
}
