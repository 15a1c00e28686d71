// The member record an org's admins see: the privacy-filtered profile, attendance figures from
// the membership's maintained counters, and the timeline (one index range, newest first).
// Only current members have a record; anyone else is "not found" (access follows membership).
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { orgAdminQuery } from "../lib/functions";
import {
  attendanceSourceValidator,
  attendanceStateValidator,
  checkInViaValidator,
  CRM_RECORD_LIMITS,
  engagementLevelValidator,
  engagementSourceValidator,
  orgRoleValidator,
  rsvpStatusValidator,
  timelineKindValidator,
} from "../lib/vocabulary";
import { adminProfileViewFields, displayName, getProfileByUser, toAdminProfileView } from "../profiles/model";

const NOT_A_MEMBER = "This person is not a member of this org.";

export async function requireMemberOf(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const membership = await getMembership(ctx, orgId, userId);
  if (membership === null) throw appError("NOT_FOUND", NOT_A_MEMBER);
  return membership;
}

export const memberRecordValidator = v.object({
  userId: v.id("users"),
  role: orgRoleValidator,
  joinedAt: v.number(),
  ...adminProfileViewFields,
  attendance: v.object({
    attended: v.number(),
    attendedVerified: v.number(),
    attendedSelfReported: v.number(),
    rsvped: v.number(),
    noShows: v.number(),
    /** Attended ÷ (attended + no-shows): of the events with a recorded outcome. Null before any. */
    rate: v.union(v.number(), v.null()),
    lastAttendedAt: v.union(v.number(), v.null()),
    lastActivityAt: v.union(v.number(), v.null()),
  }),
});

/** A member's record, or null when they are not (or no longer) a member of the org. */
export const memberRecord = orgAdminQuery({
  args: { userId: v.id("users") },
  returns: v.union(v.null(), memberRecordValidator),
  handler: async (ctx, { userId }) => {
    const membership = await getMembership(ctx, ctx.org._id, userId);
    if (membership === null) return null;
    const [user, profile] = await Promise.all([ctx.db.get("users", userId), getProfileByUser(ctx, userId)]);
    const s = membership.attendanceStats;
    const attended = (s?.attendedVerified ?? 0) + (s?.attendedSelfReported ?? 0);
    const noShows = s?.noShows ?? 0;
    return {
      userId,
      role: membership.role,
      joinedAt: membership.joinedAt,
      ...toAdminProfileView(profile, user),
      attendance: {
        attended,
        attendedVerified: s?.attendedVerified ?? 0,
        attendedSelfReported: s?.attendedSelfReported ?? 0,
        rsvped: s?.rsvped ?? 0,
        noShows,
        rate: attended + noShows === 0 ? null : attended / (attended + noShows),
        lastAttendedAt: s?.lastAttendedAt ?? null,
        lastActivityAt: s?.lastActivityAt ?? null,
      },
    };
  },
});

export const timelineEntryValidator = v.object({
  _id: v.id("memberTimeline"),
  at: v.number(),
  kind: timelineKindValidator,
  event: v.union(v.null(), v.object({ _id: v.id("events"), title: v.string(), startTime: v.number() })),
  rsvpStatus: v.union(rsvpStatusValidator, v.null()),
  state: v.union(attendanceStateValidator, v.null()),
  source: v.union(attendanceSourceValidator, v.null()),
  via: v.union(checkInViaValidator, v.null()),
  byName: v.union(v.string(), v.null()),
  rating: v.union(v.number(), v.null()),
  comment: v.union(v.string(), v.null()),
  level: v.union(engagementLevelValidator, v.null()),
  levelSource: v.union(engagementSourceValidator, v.null()),
  reason: v.union(v.string(), v.null()),
  note: v.union(
    v.null(),
    v.object({
      _id: v.id("crmNotes"),
      body: v.string(),
      authorName: v.string(),
      createdAt: v.number(),
      updatedAt: v.union(v.number(), v.null()),
      mine: v.boolean(),
    }),
  ),
});

async function nameOf(ctx: QueryCtx, userId: Id<"users"> | undefined, cache: Map<string, string>) {
  if (userId === undefined) return null;
  const known = cache.get(userId);
  if (known !== undefined) return known;
  const [user, profile] = await Promise.all([ctx.db.get("users", userId), getProfileByUser(ctx, userId)]);
  const name = displayName(profile, user);
  cache.set(userId, name);
  return name;
}

/**
 * Resolves one entry. Feedback is read from the attendance row now, so feedback made anonymous
 * (or withdrawn) later disappears from the record; a note shows its current text. Null = hide.
 */
async function toEntry(ctx: QueryCtx, row: Doc<"memberTimeline">, viewerId: Id<"users">, names: Map<string, string>) {
  const eventDoc = row.eventId === undefined ? null : await ctx.db.get("events", row.eventId);
  const base = {
    _id: row._id,
    at: row.at,
    kind: row.kind,
    event: eventDoc === null ? null : { _id: eventDoc._id, title: eventDoc.title, startTime: eventDoc.startTime },
    rsvpStatus: row.rsvpStatus ?? null,
    state: row.state ?? null,
    source: row.source ?? null,
    via: row.via ?? null,
    byName: await nameOf(ctx, row.by, names),
    rating: null,
    comment: null,
    level: null,
    levelSource: null,
    reason: null,
    note: null,
  };
  if (row.kind === "feedback") {
    if (row.eventId === undefined) return null;
    const attendance = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", row.eventId!).eq("userId", row.userId))
      .unique();
    const feedback = attendance?.feedback;
    if (feedback?.rating === undefined || feedback.anonymous === true) return null;
    return { ...base, rating: feedback.rating, comment: feedback.comment ?? null };
  }
  if (row.kind === "level" || row.kind === "override" || row.kind === "override_cleared") {
    const history = row.historyId === undefined ? null : await ctx.db.get("engagementHistory", row.historyId);
    if (history === null) return null;
    return {
      ...base,
      level: history.level ?? null,
      levelSource: history.source ?? null,
      reason: history.reason ?? history.explanation ?? null,
    };
  }
  if (row.kind === "note") {
    const note = row.noteId === undefined ? null : await ctx.db.get("crmNotes", row.noteId);
    if (note === null) return null;
    return {
      ...base,
      byName: await nameOf(ctx, note.authorId, names),
      note: {
        _id: note._id,
        body: note.body,
        authorName: (await nameOf(ctx, note.authorId, names)) ?? "",
        createdAt: note.createdAt,
        updatedAt: note.updatedAt ?? null,
        mine: note.authorId === viewerId,
      },
    };
  }
  return base;
}

/** The member's timeline in this org, newest first, a page at a time (at most 50 entries). */
export const memberTimeline = orgAdminQuery({
  args: { userId: v.id("users"), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(timelineEntryValidator),
  handler: async (ctx, { userId, paginationOpts }) => {
    await requireMemberOf(ctx, ctx.org._id, userId);
    const page = await ctx.db
      .query("memberTimeline")
      .withIndex("by_org_user_at", (q) => q.eq("orgId", ctx.org._id).eq("userId", userId))
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, CRM_RECORD_LIMITS.timelinePage) });
    const names = new Map<string, string>();
    const entries = await Promise.all(page.page.map((row) => toEntry(ctx, row, ctx.user._id, names)));
    return { ...page, page: entries.filter((e) => e !== null) };
  },
});
