// Writing the member record's timeline: one row per thing that happened to a member in an org,
// inserted in the same transaction as the change (joins, RSVPs, attendance, feedback, level
// changes, notes), so the record reads one index range, newest first, a page at a time.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { bumpDay, moveLastSeen, updateAttendeeMix } from "./statsCounters";

type Entry = Omit<Doc<"memberTimeline">, "_id" | "_creationTime">;
type Row = Doc<"eventAttendance">;

export async function addTimelineEntry(ctx: MutationCtx, entry: Entry) {
  return await ctx.db.insert("memberTimeline", entry);
}

type HistoryDoc = Omit<Doc<"engagementHistory">, "_id" | "_creationTime">;

/** Inserts an engagement history row and its timeline entry (level changes and overrides). */
export async function insertEngagementHistory(ctx: MutationCtx, doc: HistoryDoc) {
  const historyId = await ctx.db.insert("engagementHistory", doc);
  await addTimelineEntry(ctx, {
    orgId: doc.orgId,
    userId: doc.userId,
    at: doc.at,
    kind: doc.kind === "computed" ? "level" : doc.kind,
    historyId,
    by: doc.by,
  });
  return historyId;
}

/** A membership was created (joinedAt): the timeline and the day's joins. */
export async function onMemberJoined(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  joinedAt: number,
) {
  await addTimelineEntry(ctx, { orgId, userId, at: joinedAt, kind: "joined" });
  await bumpDay(ctx, orgId, joinedAt, { joins: 1 });
}

/** A membership was deleted: the day's leaves, and the member no longer counts as active. */
export async function onMemberLeft(ctx: MutationCtx, membership: Doc<"orgMemberships">, at: number) {
  await addTimelineEntry(ctx, { orgId: membership.orgId, userId: membership.userId, at, kind: "left" });
  await bumpDay(ctx, membership.orgId, at, { leaves: 1 });
  await moveLastSeen(ctx, membership.orgId, membership.attendanceStats?.lastAttendedAt, undefined);
}

/** Every RSVP change of a current member. */
export async function onRsvpTimeline(ctx: MutationCtx, event: Doc<"events">, row: Row, at: number) {
  await addTimelineEntry(ctx, {
    orgId: event.orgId,
    userId: row.userId,
    at,
    kind: "rsvp",
    eventId: event._id,
    rsvpStatus: row.rsvpStatus,
  });
}

/** A waitlisted member got a seat (the waitlist moved up, not an RSVP of theirs). */
export async function onPromotedTimeline(ctx: MutationCtx, event: Doc<"events">, userId: Id<"users">, at: number) {
  if ((await getMembership(ctx, event.orgId, userId)) === null) return;
  await addTimelineEntry(ctx, { orgId: event.orgId, userId, at, kind: "promoted", eventId: event._id });
}

/**
 * An attendance write (before the membership's counters move): a timeline entry when the
 * effective record changed (with its provenance), one when feedback is first given, and the
 * event's new/returning mix.
 */
export async function onAttendanceWritten(
  ctx: MutationCtx,
  event: Doc<"events">,
  membership: Doc<"orgMemberships"> | null,
  before: Row | null,
  after: Row,
  at: number,
) {
  await updateAttendeeMix(ctx, event, membership, before, after);
  if (membership === null) return; // not a member: no record to show it on
  const base = { orgId: event.orgId, userId: after.userId, eventId: event._id };
  const changed = before?.state !== after.state || before?.source !== after.source;
  if (changed && (after.state !== undefined || before?.state !== undefined)) {
    const mark = after.mark !== undefined && after.mark.state !== "unknown" ? after.mark : undefined;
    await addTimelineEntry(ctx, {
      ...base,
      at,
      kind: "attendance",
      state: after.state ?? "unknown",
      source: after.source,
      via: after.source === "check_in" ? (mark?.via ?? "door") : undefined,
      by: after.source === "self_report" ? undefined : mark?.by,
    });
  }
  if (before?.feedback?.rating === undefined && after.feedback?.rating !== undefined) {
    await addTimelineEntry(ctx, { ...base, at: after.feedback.submittedAt, kind: "feedback" });
  }
}
