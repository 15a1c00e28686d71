// Attendance reads: the door list and its counts, the attendance sheet, the feedback summary
// (admins); the caller's pending "did you attend?" prompts and attendance history (members).
// Hot paths (bench/scale.test.ts): checkInList's first page and feedbackSummary read a bounded
// number of documents however many RSVPs or feedback entries the event has.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { internalQuery, type QueryCtx } from "../_generated/server";
import { eventAdminQuery, requireEventAdminAccess, userQuery } from "../lib/functions";
import {
  ATTENDANCE_LIMITS,
  attendanceSourceValidator,
  attendanceStateValidator,
  checkInViaValidator,
} from "../lib/vocabulary";
import { getProfileByUser, displayName } from "../profiles/model";
import {
  attendanceRowValidator,
  canAnswerPrompt,
  checkInWindow,
  eventStats,
  feedbackEditableUntil,
  feedbackShapeValidator,
  toAttendanceRow,
  toFeedback,
} from "./model";

const MAX_PAGE = 100;
const MAX_SEARCH_RESULTS = 50;
/** Open prompts shown on the dashboard card. */
export const MAX_PENDING_PROMPTS = 10;

function clampPage<T extends { numItems: number }>(opts: T): T {
  return { ...opts, numItems: Math.max(1, Math.min(opts.numItems, MAX_PAGE)) };
}

const listFilterValidator = v.union(
  v.literal("going"),
  v.literal("maybe"),
  v.literal("waitlisted"),
  v.literal("walk_in"),
);

/**
 * The door list: people who RSVP'd (going, maybe, waitlisted) and walk-ins, a page at a time.
 * Without `status`: everyone on the list in RSVP order (rows of people who answered "not going"
 * and did not come are skipped). With `search`: names matching it (best first, at most 50,
 * one page). Admins only; works before, during and after the event.
 */
export const checkInList = eventAdminQuery({
  args: {
    status: v.optional(listFilterValidator),
    search: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(attendanceRowValidator),
  handler: async (ctx, { status, search, paginationOpts }) => {
    const eventId = ctx.event._id;
    const term = search?.trim().slice(0, 100) ?? "";
    if (term !== "") {
      const hits = await ctx.db
        .query("eventAttendance")
        .withSearchIndex("search_name", (q) => q.search("name", term).eq("eventId", eventId))
        .take(MAX_SEARCH_RESULTS);
      const rows = hits.filter((r) => onDoorList(r) && matchesStatus(r, status));
      return { page: await Promise.all(rows.map((r) => toAttendanceRow(ctx, r))), isDone: true, continueCursor: "" };
    }
    const opts = clampPage(paginationOpts);
    const source =
      status === undefined
        ? ctx.db
            .query("eventAttendance")
            .withIndex("by_event", (q) => q.eq("eventId", eventId))
            // eslint-disable-next-line @convex-dev/no-filter-in-query -- drops only "not going" rows of people who did not come
            .filter((q) => q.or(q.neq(q.field("rsvpStatus"), "not_going"), q.eq(q.field("walkIn"), true)))
        : status === "walk_in"
          ? ctx.db
              .query("eventAttendance")
              .withIndex("by_event_walk_in", (q) => q.eq("eventId", eventId).eq("walkIn", true))
          : ctx.db
              .query("eventAttendance")
              .withIndex("by_event_status_order", (q) => q.eq("eventId", eventId).eq("rsvpStatus", status));
    const page = await source.paginate(opts);
    return { ...page, page: await Promise.all(page.page.map((r) => toAttendanceRow(ctx, r))) };
  },
});

function onDoorList(r: Doc<"eventAttendance">) {
  return r.rsvpStatus !== "not_going" || r.walkIn === true;
}

function matchesStatus(r: Doc<"eventAttendance">, status: string | undefined) {
  if (status === undefined) return true;
  if (status === "walk_in") return r.walkIn === true;
  return r.rsvpStatus === status;
}

export const checkInCountsValidator = v.object({
  going: v.number(),
  maybe: v.number(),
  waitlisted: v.number(),
  checkedIn: v.number(),
  walkIns: v.number(),
  attended: v.number(),
  selfReported: v.number(),
  noShows: v.number(),
  excused: v.number(),
  disputed: v.number(),
  opensAt: v.number(),
  closesAt: v.number(),
  isOpen: v.boolean(),
});

/** Live counts for the door screen and the sheet (maintained counters: two documents read). */
export const checkInCounts = eventAdminQuery({
  args: {},
  returns: checkInCountsValidator,
  handler: async (ctx) => {
    const { event } = ctx;
    const stats = eventStats(event);
    const { opensAt, closesAt } = checkInWindow(event);
    const now = Date.now();
    return {
      going: event.goingCount,
      maybe: event.maybeCount,
      waitlisted: event.waitlistCount,
      checkedIn: stats.checkedIn,
      walkIns: stats.walkIns,
      attended: stats.attended,
      selfReported: stats.selfReported,
      noShows: stats.noShows,
      excused: stats.excused,
      disputed: stats.disputed,
      opensAt,
      closesAt,
      isOpen: event.status === "published" && now >= opensAt && now <= closesAt,
    };
  },
});

const sheetFilterValidator = v.union(
  v.literal("disputed"),
  v.literal("attended"),
  v.literal("no_show"),
  v.literal("excused"),
);

/**
 * The attendance sheet after the event: everyone on the door list with what was recorded,
 * by whom, and the member's own answer; `filter` narrows it to disputed records or one state.
 * Admins only.
 */
export const attendanceSheet = eventAdminQuery({
  args: { filter: v.optional(sheetFilterValidator), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(attendanceRowValidator),
  handler: async (ctx, { filter, paginationOpts }) => {
    const eventId = ctx.event._id;
    const opts = clampPage(paginationOpts);
    const source =
      filter === undefined
        ? ctx.db
            .query("eventAttendance")
            .withIndex("by_event", (q) => q.eq("eventId", eventId))
            // eslint-disable-next-line @convex-dev/no-filter-in-query -- drops only "not going" rows of people who did not come
            .filter((q) =>
              q.or(
                q.neq(q.field("rsvpStatus"), "not_going"),
                q.eq(q.field("walkIn"), true),
                q.neq(q.field("state"), undefined),
              ),
            )
        : filter === "disputed"
          ? ctx.db
              .query("eventAttendance")
              .withIndex("by_event_disputed", (q) => q.eq("eventId", eventId).eq("disputed", true))
          : ctx.db
              .query("eventAttendance")
              .withIndex("by_event_state", (q) => q.eq("eventId", eventId).eq("state", filter));
    const page = await source.paginate(opts);
    return { ...page, page: await Promise.all(page.page.map((r) => toAttendanceRow(ctx, r))) };
  },
});

export const feedbackSummaryValidator = v.object({
  responses: v.number(),
  attendees: v.number(),
  /** responses / attendees (0–1); null while nobody is recorded as attending. */
  responseRate: v.union(v.number(), v.null()),
  /** null below 3 responses ("not enough responses yet"). */
  average: v.union(v.number(), v.null()),
  /** Responses per star: [1 star, 2, 3, 4, 5]. */
  distribution: v.array(v.number()),
  minResponsesForAverage: v.number(),
});

/** The feedback summary for admins (from the event's counters: one document read). */
export const feedbackSummary = eventAdminQuery({
  args: {},
  returns: feedbackSummaryValidator,
  handler: async (ctx) => {
    const stats = eventStats(ctx.event);
    const responses = stats.feedbackCount;
    return {
      responses,
      attendees: stats.attended,
      responseRate: stats.attended === 0 ? null : Math.min(1, responses / stats.attended),
      average:
        responses < ATTENDANCE_LIMITS.minResponsesForAverage
          ? null
          : Math.round((stats.ratingSum / responses) * 100) / 100,
      distribution: [...stats.ratingCounts],
      minResponsesForAverage: ATTENDANCE_LIMITS.minResponsesForAverage,
    };
  },
});

const commentRowValidator = v.object({
  rating: v.number(),
  comment: v.string(),
  anonymous: v.boolean(),
  /** null when the member chose to stay anonymous. */
  userId: v.union(v.id("users"), v.null()),
  name: v.union(v.string(), v.null()),
  submittedAt: v.number(),
  updatedAt: v.number(),
});

/** Feedback comments, newest first, with names unless the member chose anonymity. Admins only. */
export const listFeedbackComments = eventAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(commentRowValidator),
  handler: async (ctx, { paginationOpts }) => {
    const eventId = ctx.event._id;
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_comment", (q) => q.eq("eventId", eventId).gt("commentAt", 0))
      .order("desc")
      .paginate(clampPage(paginationOpts));
    const rows = await Promise.all(
      page.page.map(async (r) => {
        const f = toFeedback(r)!;
        const anonymous = f.anonymous;
        return {
          rating: f.rating,
          comment: f.comment ?? "",
          anonymous,
          userId: anonymous ? null : r.userId,
          name: anonymous
            ? null
            : (r.name ?? displayName(await getProfileByUser(ctx, r.userId), await ctx.db.get("users", r.userId))),
          submittedAt: f.submittedAt,
          updatedAt: f.updatedAt,
        };
      }),
    );
    return { ...page, page: rows };
  },
});

const promptCardValidator = v.object({
  eventId: v.id("events"),
  title: v.string(),
  orgId: v.id("organizations"),
  orgName: v.string(),
  startTime: v.number(),
  endTime: v.number(),
  timezone: v.string(),
  promptsSent: v.number(),
  canDefer: v.boolean(),
});

/**
 * The dashboard card: events the caller was asked about ("Did you make it?") and has not
 * answered, newest prompt first (at most 10). Answer with answerPrompt, defer with deferPrompt.
 */
export const myPendingPrompts = userQuery({
  args: {},
  returns: v.array(promptCardValidator),
  handler: async (ctx) => {
    const rows = await ctx.db
      .query("eventAttendance")
      .withIndex("by_user_prompt", (q) => q.eq("userId", ctx.user._id).gt("promptPendingAt", 0))
      .order("desc")
      .take(MAX_PENDING_PROMPTS);
    const now = Date.now();
    const cards = await Promise.all(
      rows.map(async (row) => {
        const event = await ctx.db.get("events", row.eventId);
        if (event === null || !canAnswerPrompt(event, row, now)) return null;
        const [org, membership] = await Promise.all([
          ctx.db.get("organizations", event.orgId),
          ctx.db
            .query("orgMemberships")
            .withIndex("by_org_user", (q) => q.eq("orgId", event.orgId).eq("userId", ctx.user._id))
            .unique(),
        ]);
        if (org === null || membership === null) return null; // left the org: no longer asked
        const sent = row.prompt?.sent ?? 0;
        return {
          eventId: event._id,
          title: event.title,
          orgId: org._id,
          orgName: org.name,
          startTime: event.startTime,
          endTime: event.endTime,
          timezone: event.timezone,
          promptsSent: sent,
          canDefer: sent < ATTENDANCE_LIMITS.maxPrompts && row.prompt?.deferredAt === undefined,
        };
      }),
    );
    return cards.filter((c) => c !== null);
  },
});

const historyRowValidator = v.object({
  eventId: v.id("events"),
  title: v.string(),
  orgId: v.id("organizations"),
  orgName: v.string(),
  startTime: v.number(),
  endTime: v.number(),
  timezone: v.string(),
  state: attendanceStateValidator,
  source: v.union(attendanceSourceValidator, v.null()),
  via: v.union(checkInViaValidator, v.null()),
  /** Recorded by a check-in or an admin (as opposed to the member's own word). */
  verified: v.boolean(),
  disputed: v.boolean(),
  feedback: v.union(feedbackShapeValidator, v.null()),
  feedbackEditableUntil: v.number(),
});

/**
 * The caller's attendance history across orgs, newest event first, a page at a time: what was
 * recorded and how, and their own feedback. Events of orgs they have since left stay listed
 * (it is their own record) with what the row already says.
 */
export const myAttendanceHistory = userQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(historyRowValidator),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_user_history", (q) => q.eq("userId", ctx.user._id).gt("historyAt", 0))
      .order("desc")
      .paginate(clampPage(paginationOpts));
    const rows = await Promise.all(page.page.map((row) => toHistoryRow(ctx, row)));
    return { ...page, page: rows.filter((r) => r !== null) };
  },
});

async function toHistoryRow(ctx: QueryCtx, row: Doc<"eventAttendance">) {
  const event = await ctx.db.get("events", row.eventId);
  if (event === null) return null;
  const org = await ctx.db.get("organizations", event.orgId);
  return {
    eventId: event._id,
    title: event.title,
    orgId: event.orgId,
    orgName: org?.name ?? "A former organization",
    startTime: event.startTime,
    endTime: event.endTime,
    timezone: event.timezone,
    state: row.state ?? "unknown",
    source: row.source ?? null,
    via: row.mark !== undefined && row.source === "check_in" ? (row.mark.via ?? "door") : null,
    verified: row.source === "check_in" || row.source === "admin",
    disputed: row.disputed === true,
    feedback: toFeedback(row),
    feedbackEditableUntil: feedbackEditableUntil(event),
  };
}

/** For eventAdminAction (convex/lib/functions.ts): the caller must be an admin of the event's org. */
export const eventAdminForAction = internalQuery({
  args: { eventId: v.id("events") },
  returns: v.object({ eventId: v.id("events"), orgId: v.id("organizations"), userId: v.id("users") }),
  handler: async (ctx, { eventId }) => {
    const access = await requireEventAdminAccess(ctx, eventId);
    return { eventId: access.event._id, orgId: access.event.orgId, userId: access.user._id };
  },
});
