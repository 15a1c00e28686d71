// Attendance writes. Organizers: check in (and undo) at the door, add walk-ins, the venue's
// self check-in link, the attendance sheet (mark one person, mark everyone going as attended).
// Members: self check-in with the venue code, answer / defer / dismiss the "did you make it?"
// prompt, feedback. Every change goes through writeAttendance (model.ts), which keeps the
// counters of the event and the membership in the same transaction.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { createPurposeToken, readUnsubscribeSecret, verifyToken, CHECK_IN_PURPOSES } from "../emails/tokens";
import { getRsvp } from "../events/model";
import { env } from "../lib/env";
import { appError, invalidArgument } from "../lib/errors";
import { eventAdminMutation, eventMemberMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { ATTENDANCE_LIMITS, attendanceStateValidator } from "../lib/vocabulary";
import {
  attendanceRowValidator,
  canAnswerPrompt,
  canGiveFeedback,
  checkInWindow,
  feedbackEditableUntil,
  feedbackShapeValidator,
  getMembershipRow,
  hasVerifiedRecord,
  requireCheckInOpen,
  requireSheetOpen,
  toAttendanceRow,
  toFeedback,
  toViewerAttendance,
  viewerAttendanceValidator,
  writeAttendance,
  type Mark,
} from "./model";

/** Rows marked per transaction by "mark all going as attended"; the rest continue in a job. */
export const MARK_ALL_PAGE_SIZE = 200;

/** The person must be a current member of the event's org (nobody else can be recorded). */
async function requireTargetMember(ctx: MutationCtx, event: Doc<"events">, userId: Id<"users">) {
  const membership = await getMembershipRow(ctx, event.orgId, userId);
  if (membership === null) throw invalidArgument("userId", "This person is not a member of the organization.");
  return membership;
}

function adminMark(state: Mark["state"], source: Mark["source"], by: Id<"users">, now: number): Mark {
  return source === "check_in" ? { state, source, via: "door", by, at: now } : { state, source, by, at: now };
}

/** Checks a person in at the door (they must be on the RSVP list; otherwise addWalkIn). */
export const checkIn = eventAdminMutation({
  args: { userId: v.id("users") },
  returns: attendanceRowValidator,
  handler: async (ctx, { userId }) => {
    const { event, user } = ctx;
    const now = Date.now();
    requireCheckInOpen(event, now);
    await requireTargetMember(ctx, event, userId);
    const row = await getRsvp(ctx, event._id, userId);
    if (row === null) throw appError("NOT_FOUND", "This person did not RSVP. Add them as a walk-in.", "userId");
    if (row.mark?.source === "check_in" && row.mark.state === "attended") return await toAttendanceRow(ctx, row);
    const walkIn = row.rsvpStatus === "not_going" ? { walkIn: true } : {};
    const after = await writeAttendance(
      ctx,
      event,
      userId,
      row,
      { mark: adminMark("attended", "check_in", user._id, now), ...walkIn },
      now,
    );
    return await toAttendanceRow(ctx, after);
  },
});

/** Undoes a check-in (a mistaken tap): the record falls back to the member's own answer, if any. */
export const undoCheckIn = eventAdminMutation({
  args: { userId: v.id("users") },
  returns: attendanceRowValidator,
  handler: async (ctx, { userId }) => {
    const { event } = ctx;
    const now = Date.now();
    requireCheckInOpen(event, now);
    const row = await getRsvp(ctx, event._id, userId);
    if (row === null) throw appError("NOT_FOUND", "This person is not on the list.", "userId");
    if (row.mark?.source !== "check_in") return await toAttendanceRow(ctx, row);
    const walkIn = row.walkIn === true && row.rsvpStatus === "not_going" ? { walkIn: undefined } : {};
    const after = await writeAttendance(ctx, event, userId, row, { mark: undefined, ...walkIn }, now);
    return await toAttendanceRow(ctx, after);
  },
});

/** Adds an org member who came without an RSVP and checks them in. */
export const addWalkIn = eventAdminMutation({
  args: { userId: v.id("users") },
  returns: attendanceRowValidator,
  handler: async (ctx, { userId }) => {
    const { event, user } = ctx;
    const now = Date.now();
    requireCheckInOpen(event, now);
    await requireTargetMember(ctx, event, userId);
    const row = await getRsvp(ctx, event._id, userId);
    if (row?.mark?.source === "check_in" && row.mark.state === "attended") return await toAttendanceRow(ctx, row);
    const walkIn = row === null || row.rsvpStatus === "not_going" ? { walkIn: true } : {};
    const after = await writeAttendance(
      ctx,
      event,
      userId,
      row,
      { mark: adminMark("attended", "check_in", user._id, now), ...walkIn },
      now,
    );
    return await toAttendanceRow(ctx, after);
  },
});

/**
 * The attendance sheet: records attended / no-show / excused for one person ("unknown" clears
 * the admin's mark). From 2 hours before the start on. Marking someone who did not RSVP as
 * attended adds them as a walk-in; a no-show or excused needs an RSVP.
 */
export const markAttendance = eventAdminMutation({
  args: { userId: v.id("users"), state: attendanceStateValidator },
  returns: attendanceRowValidator,
  handler: async (ctx, { userId, state }) => {
    const { event, user } = ctx;
    const now = Date.now();
    requireSheetOpen(event, now);
    await requireTargetMember(ctx, event, userId);
    const row = await getRsvp(ctx, event._id, userId);
    if (row === null && state !== "attended") {
      if (state === "unknown") throw appError("NOT_FOUND", "Nothing is recorded for this person.", "userId");
      throw invalidArgument("state", 'This person did not RSVP; only "attended" (as a walk-in) can be recorded.');
    }
    const mark = state === "unknown" ? undefined : adminMark(state, "admin", user._id, now);
    const walkIn = state === "attended" && (row === null || row.rsvpStatus === "not_going") ? { walkIn: true } : {};
    const after = await writeAttendance(ctx, event, userId, row, { mark, ...walkIn }, now);
    return await toAttendanceRow(ctx, after);
  },
});

/**
 * Marks everyone going who has no check-in or admin mark as attended (the member's own "no"
 * is respected: they are skipped). After the start only. Up to 200 in this transaction; the
 * rest continue in scheduled jobs (`done` is false then; the counts update live).
 */
export const markAllGoingAttended = eventAdminMutation({
  args: {},
  returns: v.object({ marked: v.number(), done: v.boolean() }),
  handler: async (ctx) => {
    const { event, user } = ctx;
    const now = Date.now();
    requireSheetOpen(event, now);
    if (now < event.startTime) throw appError("CONFLICT", "Mark everyone as attended once the event has started.");
    return await markAllPage(ctx, event, user._id, null, now);
  },
});

export const continueMarkAll = internalMutation({
  args: { eventId: v.id("events"), adminId: v.id("users"), cursor: v.string() },
  returns: v.object({ marked: v.number(), done: v.boolean() }),
  handler: async (ctx, { eventId, adminId, cursor }) => {
    const event = await ctx.db.get("events", eventId);
    if (event === null || event.status !== "published") return { marked: 0, done: true };
    // The admin must still be one when the job runs.
    const membership = await getMembershipRow(ctx, event.orgId, adminId);
    if (membership?.role !== "admin") return { marked: 0, done: true };
    return await markAllPage(ctx, event, adminId, cursor, Date.now());
  },
});

async function markAllPage(
  ctx: MutationCtx,
  event: Doc<"events">,
  adminId: Id<"users">,
  cursor: string | null,
  now: number,
) {
  const page = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", "going"))
    .paginate({ numItems: MARK_ALL_PAGE_SIZE, cursor });
  let marked = 0;
  for (const row of page.page) {
    if (hasVerifiedRecord(row) || row.selfReport?.attended === false) continue;
    if ((await getMembershipRow(ctx, event.orgId, row.userId)) === null) continue;
    await writeAttendance(ctx, event, row.userId, row, { mark: adminMark("attended", "admin", adminId, now) }, now);
    marked += 1;
  }
  if (!page.isDone) {
    await ctx.scheduler.runAfter(0, internal.attendance.mutations.continueMarkAll, {
      eventId: event._id,
      adminId,
      cursor: page.continueCursor,
    });
  }
  return { marked, done: page.isDone };
}

/**
 * The venue's self check-in link (render it as a QR code): `${SITE_URL}/events/<id>/check-in?token=…`.
 * The token is per event and valid until check-in closes (12 h after the end); members who open
 * it signed in during the check-in window are checked in as "at the venue".
 */
export const checkInLink = eventAdminMutation({
  args: {},
  returns: v.object({ url: v.string(), token: v.string(), opensAt: v.number(), closesAt: v.number() }),
  handler: async (ctx) => {
    const { event, user } = ctx;
    if (event.status !== "published") throw appError("CONFLICT", "Publish the event first.");
    const { opensAt, closesAt } = checkInWindow(event);
    if (Date.now() > closesAt) throw appError("CONFLICT", "Check-in for this event has closed.");
    const token = await createPurposeToken(ctx, user._id, "event-check-in", event._id, closesAt);
    return {
      url: `${env.siteUrl()}/events/${event._id}/check-in?token=${encodeURIComponent(token)}`,
      token,
      opensAt,
      closesAt,
    };
  },
});

/** A member checks themselves in with the venue's code, during the check-in window. */
export const selfCheckIn = eventMemberMutation({
  args: { token: v.string() },
  returns: viewerAttendanceValidator,
  handler: async (ctx, { token }) => {
    const { event, user } = ctx;
    const now = Date.now();
    const verified = await verifyToken(await readUnsubscribeSecret(ctx), token, now, CHECK_IN_PURPOSES);
    if (!verified.ok || verified.subject !== event._id) {
      const expired = verified.ok === false && verified.reason === "expired";
      throw invalidArgument(
        "token",
        expired
          ? "This check-in code has expired."
          : "This check-in code is not valid for this event. Scan the code at the venue again.",
      );
    }
    requireCheckInOpen(event, now);
    const row = await getRsvp(ctx, event._id, user._id);
    if (row?.mark?.source === "check_in" && row.mark.state === "attended") return toViewerAttendance(event, row, now);
    const mark: Mark = { state: "attended", source: "check_in", via: "self", by: user._id, at: now };
    const walkIn = row === null || row.rsvpStatus === "not_going" ? { walkIn: true } : {};
    const after = await writeAttendance(
      ctx,
      event,
      user._id,
      row,
      { mark, ...walkIn, promptPendingAt: undefined, promptDueAt: undefined },
      now,
    );
    return toViewerAttendance(event, after, now);
  },
});

/** Why the caller cannot answer the prompt (thrown as CONFLICT), or null. */
function answerBlocked(event: Doc<"events">, row: Doc<"eventAttendance"> | null, now: number): string | null {
  if (canAnswerPrompt(event, row, now)) return null;
  if (event.status !== "published") return "This event was cancelled.";
  if (now < event.endTime) return "You can tell us whether you attended once the event has ended.";
  if (row === null || (row.rsvpStatus !== "going" && row.rsvpStatus !== "maybe")) {
    return "You did not RSVP to this event.";
  }
  if (hasVerifiedRecord(row)) return "The organizers have already recorded your attendance.";
  if (row.selfReport !== undefined) return "You have already answered.";
  if (row.prompt?.dismissedAt !== undefined) return "You dismissed this question.";
  return "This question has closed.";
}

/**
 * The member's answer to "Did you make it?" (in the app; the email's links use the http page).
 * Once, after the end, for RSVPs going or maybe without a check-in or an admin's mark.
 */
export const answerPrompt = eventMemberMutation({
  args: { attended: v.boolean() },
  returns: viewerAttendanceValidator,
  handler: async (ctx, { attended }) => {
    const { event, user } = ctx;
    const now = Date.now();
    const row = await getRsvp(ctx, event._id, user._id);
    const blocked = answerBlocked(event, row, now);
    if (blocked !== null) throw appError("CONFLICT", blocked);
    const after = await recordSelfReport(ctx, event, row!, attended, now);
    return toViewerAttendance(event, after, now);
  },
});

export async function recordSelfReport(
  ctx: MutationCtx,
  event: Doc<"events">,
  row: Doc<"eventAttendance">,
  attended: boolean,
  now: number,
) {
  return await writeAttendance(
    ctx,
    event,
    row.userId,
    row,
    { selfReport: { attended, at: now }, promptPendingAt: undefined, promptDueAt: undefined },
    now,
  );
}

/** "Ask me later": one more prompt a day later (at most 2 prompts per event in all). */
export const deferPrompt = eventMemberMutation({
  args: {},
  returns: viewerAttendanceValidator,
  handler: async (ctx) => {
    const { event, user } = ctx;
    const now = Date.now();
    const row = await getRsvp(ctx, event._id, user._id);
    const blocked = answerBlocked(event, row, now);
    if (blocked !== null) throw appError("CONFLICT", blocked);
    const view = toViewerAttendance(event, row, now);
    if (!view.canDefer) throw appError("CONFLICT", "You can only postpone this question once.");
    const dueAt = now + ATTENDANCE_LIMITS.promptDeferMs;
    const prompt = { sent: row!.prompt?.sent ?? 0, lastSentAt: row!.prompt?.lastSentAt, deferredAt: now };
    const after = await writeAttendance(
      ctx,
      event,
      user._id,
      row,
      { prompt, promptPendingAt: undefined, promptDueAt: dueAt },
      now,
    );
    await ctx.scheduler.runAt(dueAt, internal.attendance.prompts.sendDeferredPrompt, {
      eventId: event._id,
      userId: user._id,
    });
    return toViewerAttendance(event, after, now);
  },
});

/** "Don't ask again" for this event: no further prompt, nothing recorded. */
export const dismissPrompt = eventMemberMutation({
  args: {},
  returns: viewerAttendanceValidator,
  handler: async (ctx) => {
    const { event, user } = ctx;
    const now = Date.now();
    const row = await getRsvp(ctx, event._id, user._id);
    const blocked = answerBlocked(event, row, now);
    if (blocked !== null) throw appError("CONFLICT", blocked);
    const prompt = { ...(row!.prompt ?? { sent: 0 }), dismissedAt: now };
    const after = await writeAttendance(
      ctx,
      event,
      user._id,
      row,
      { prompt, promptPendingAt: undefined, promptDueAt: undefined },
      now,
    );
    return toViewerAttendance(event, after, now);
  },
});

/**
 * Feedback after attending: 1–5 stars and an optional comment (≤ 2,000 characters),
 * optionally anonymous to admins. Editable (call again) until 14 days after the end.
 */
export const submitFeedback = eventMemberMutation({
  args: { rating: v.number(), comment: v.optional(v.string()), anonymous: v.optional(v.boolean()) },
  returns: feedbackShapeValidator,
  handler: async (ctx, { rating, comment, anonymous }) => {
    const { event, user } = ctx;
    await enforceLimit(ctx, "feedback", user._id);
    const now = Date.now();
    if (!Number.isInteger(rating) || rating < ATTENDANCE_LIMITS.ratingMin || rating > ATTENDANCE_LIMITS.ratingMax) {
      throw invalidArgument("rating", "Choose 1 to 5 stars.");
    }
    const text = comment?.trim() ?? "";
    if (text.length > ATTENDANCE_LIMITS.feedbackComment) {
      throw invalidArgument(
        "comment",
        `Keep the comment to ${ATTENDANCE_LIMITS.feedbackComment.toLocaleString("en")} characters.`,
      );
    }
    if (event.status !== "published") throw appError("CONFLICT", "This event was cancelled.");
    if (now < event.endTime) throw appError("CONFLICT", "Feedback opens when the event ends.");
    if (now > feedbackEditableUntil(event)) throw appError("CONFLICT", "Feedback closed 14 days after the event.");
    const row = await getRsvp(ctx, event._id, user._id);
    if (!canGiveFeedback(event, row, now)) {
      throw appError("CONFLICT", "Feedback is for people who attended. Tell us you were there first.");
    }
    const submittedAt = row!.feedback?.submittedAt ?? now;
    const feedback = {
      rating,
      ...(text === "" ? {} : { comment: text }),
      anonymous: anonymous === true,
      submittedAt,
      updatedAt: now,
    };
    const after = await writeAttendance(
      ctx,
      event,
      user._id,
      row,
      { feedback, commentAt: text === "" ? undefined : now },
      now,
    );
    return toFeedback(after)!;
  },
});
