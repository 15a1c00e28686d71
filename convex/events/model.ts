// Event rules shared by the events functions: access, returned shapes, and the RSVP bookkeeping
// (counters, waitlist order, promotion) that must happen in one transaction.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { onWaitlistPromoted } from "../notifications/hooks";
import { onPromotedTimeline } from "../crm/recordTimeline";
import { eventStats, nameOf, onRsvpChanged, toViewerAttendance, viewerAttendanceValidator } from "../attendance/model";
import { ATTENDANCE_LIMITS, DEFAULT_JOIN_POLICY, joinPolicyValidator } from "../lib/vocabulary";
import {
  eventStatusValidator,
  eventTypeValidator,
  orgRoleValidator,
  rsvpStatusValidator,
  visibilityValidator,
} from "../lib/vocabulary";
import { toLocalInput } from "./validation";

/** A waitlisted member's position is counted exactly up to this many people ahead of them. */
export const WAITLIST_POSITION_SCAN = 200;
/** Promotions done inside one transaction; more are continued by a scheduled job. */
export const PROMOTIONS_PER_TRANSACTION = 100;

export type Viewer = {
  userId: Id<"users"> | null;
  membership: Doc<"orgMemberships"> | null;
};

export function isAdmin(viewer: Viewer) {
  return viewer.membership?.role === "admin";
}

const NOT_FOUND_MESSAGE = "This event does not exist.";

/**
 * Whether the viewer may see the event at all. Drafts: the org's admins only. Private orgs:
 * members only. Everyone else gets NOT_FOUND, so hidden events do not leak.
 */
export function canSee(event: Doc<"events">, org: Doc<"organizations">, viewer: Viewer) {
  if (org.visibility === "private" && viewer.membership === null) return false;
  if (event.status === "draft" && !isAdmin(viewer)) return false;
  return true;
}

/** The event, its org and the (possibly signed-out) viewer; NOT_FOUND when they may not see it. */
export async function loadVisibleEvent(ctx: QueryCtx, eventId: Id<"events">, userId: Id<"users"> | null) {
  const event = await ctx.db.get("events", eventId);
  if (event === null) throw appError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const org = await ctx.db.get("organizations", event.orgId);
  if (org === null) throw appError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const membership = userId === null ? null : await getMembership(ctx, org._id, userId);
  const viewer: Viewer = { userId, membership };
  if (!canSee(event, org, viewer)) throw appError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { event, org, viewer };
}

// ---------------------------------------------------------------------------------------------
// Shapes

export const eventSummaryFields = {
  _id: v.id("events"),
  orgId: v.id("organizations"),
  title: v.string(),
  eventType: eventTypeValidator,
  status: eventStatusValidator,
  startTime: v.number(), // UTC ms
  endTime: v.number(),
  timezone: v.string(), // IANA
  venue: v.optional(v.string()),
  capacity: v.optional(v.number()),
  goingCount: v.number(),
  maybeCount: v.number(),
  waitlistCount: v.number(),
  hasOnlineUrl: v.boolean(),
  cancelReason: v.optional(v.string()),
  /** People recorded as attending (check-ins, admin marks and members' own answers). */
  attendedCount: v.number(),
  /** The uploaded cover image's URL. */
  coverUrl: v.optional(v.string()),
};
export const eventSummaryValidator = v.object(eventSummaryFields);

export function toEventSummary(event: Doc<"events">) {
  return {
    _id: event._id,
    orgId: event.orgId,
    title: event.title,
    eventType: event.eventType,
    status: event.status,
    startTime: event.startTime,
    endTime: event.endTime,
    timezone: event.timezone,
    venue: event.location,
    capacity: event.capacity,
    goingCount: event.goingCount,
    maybeCount: event.maybeCount,
    waitlistCount: event.waitlistCount,
    hasOnlineUrl: event.onlineUrl !== undefined,
    cancelReason: event.cancelReason,
    attendedCount: eventStats(event).attended,
    coverUrl: undefined as string | undefined,
  };
}

/** The summary with its cover image's URL (one storage lookup when there is a cover). */
export async function toEventSummaryWithCover(ctx: QueryCtx, event: Doc<"events">) {
  const summary = toEventSummary(event);
  if (event.coverStorageId === undefined) return summary;
  return { ...summary, coverUrl: (await ctx.storage.getUrl(event.coverStorageId)) ?? undefined };
}

export const viewerRsvpValidator = v.object({
  status: rsvpStatusValidator,
  rsvpAt: v.number(),
  /** 1 = next in line. Present while waitlisted. */
  waitlistPosition: v.optional(v.number()),
  /** True when more people are ahead than were counted: show "200+". */
  waitlistPositionIsLowerBound: v.optional(v.boolean()),
  promotedFromWaitlistAt: v.optional(v.number()),
});

export const rsvpBlockedReasonValidator = v.union(
  v.literal("sign_in"),
  v.literal("join_org"),
  v.literal("draft"),
  v.literal("cancelled"),
  v.literal("started"),
);
export type RsvpBlockedReason = "sign_in" | "join_org" | "draft" | "cancelled" | "started";

export const eventPageValidator = v.object({
  ...eventSummaryFields,
  description: v.optional(v.string()),
  locationUrl: v.optional(v.string()),
  /** Only for members going and for admins; see hasOnlineUrl otherwise. */
  onlineUrl: v.optional(v.string()),
  startLocal: v.string(), // "YYYY-MM-DDTHH:mm" in `timezone` (for the edit form)
  endLocal: v.string(),
  notifyBefore: v.array(v.number()),
  spotsLeft: v.union(v.number(), v.null()), // null = no capacity
  publishedAt: v.optional(v.number()),
  cancelledAt: v.optional(v.number()),
  createdAt: v.number(),
  updatedAt: v.number(),
  org: v.object({
    _id: v.id("organizations"),
    name: v.string(),
    slug: v.string(),
    visibility: visibilityValidator,
    logoUrl: v.optional(v.string()),
    joinPolicy: joinPolicyValidator,
    contactEmail: v.optional(v.string()),
    contactUrl: v.optional(v.string()),
  }),
  viewerRole: v.union(orgRoleValidator, v.null()),
  viewerRsvp: v.union(viewerRsvpValidator, v.null()),
  canRsvp: v.boolean(),
  rsvpBlockedReason: v.union(rsvpBlockedReasonValidator, v.null()),
  /** True once the event has ended (show past tense: "N attended", not "You're going"). */
  isPast: v.boolean(),
  /** The viewer's attendance, for members from check-in opening (2 h before the start) on. */
  viewerAttendance: v.union(viewerAttendanceValidator, v.null()),
});

/** Why the viewer cannot RSVP right now, or null when they can. */
export function rsvpBlockedReason(event: Doc<"events">, viewer: Viewer, now: number): RsvpBlockedReason | null {
  if (event.status === "draft") return "draft";
  if (event.status === "cancelled") return "cancelled";
  if (now >= event.startTime) return "started";
  if (viewer.userId === null) return "sign_in";
  if (viewer.membership === null) return "join_org";
  return null;
}

export function toEventPage(
  event: Doc<"events">,
  org: Doc<"organizations">,
  viewer: Viewer,
  rsvp: Doc<"eventAttendance"> | null,
  waitlist: { position: number; isLowerBound: boolean } | null,
  now: number,
  coverUrl?: string,
) {
  // A non-member's RSVP (left behind by an old membership) shows nothing private.
  const showOnline = isAdmin(viewer) || (viewer.membership !== null && rsvp?.rsvpStatus === "going");
  const blocked = rsvpBlockedReason(event, viewer, now);
  return {
    ...toEventSummary(event),
    description: event.description,
    locationUrl: event.locationUrl,
    onlineUrl: showOnline ? event.onlineUrl : undefined,
    startLocal: toLocalInput(event.startTime, event.timezone),
    endLocal: toLocalInput(event.endTime, event.timezone),
    notifyBefore: event.notifyBefore ?? [],
    spotsLeft: event.capacity === undefined ? null : Math.max(0, event.capacity - event.goingCount),
    publishedAt: event.publishedAt,
    cancelledAt: event.cancelledAt,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    org: {
      _id: org._id,
      name: org.name,
      slug: org.slug,
      visibility: org.visibility,
      logoUrl: org.logoUrl,
      joinPolicy: org.joinPolicy ?? DEFAULT_JOIN_POLICY,
      contactEmail: org.contactEmail,
      contactUrl: org.contactUrl,
    },
    coverUrl,
    viewerRole: viewer.membership?.role ?? null,
    viewerRsvp: rsvp === null ? null : toViewerRsvp(rsvp, waitlist),
    canRsvp: blocked === null,
    rsvpBlockedReason: blocked,
    isPast: now >= event.endTime,
    viewerAttendance:
      viewer.membership === null || now < event.startTime - ATTENDANCE_LIMITS.checkInOpensBeforeMs
        ? null
        : toViewerAttendance(event, rsvp, now),
  };
}

export function toViewerRsvp(
  rsvp: Doc<"eventAttendance">,
  waitlist: { position: number; isLowerBound: boolean } | null,
) {
  return {
    status: rsvp.rsvpStatus,
    rsvpAt: rsvp.rsvpAt,
    waitlistPosition: rsvp.rsvpStatus === "waitlisted" ? waitlist?.position : undefined,
    waitlistPositionIsLowerBound:
      rsvp.rsvpStatus === "waitlisted" && waitlist?.isLowerBound === true ? true : undefined,
    promotedFromWaitlistAt: rsvp.promotedFromWaitlistAt,
  };
}

// ---------------------------------------------------------------------------------------------
// RSVP bookkeeping

export async function getRsvp(ctx: QueryCtx, eventId: Id<"events">, userId: Id<"users">) {
  return await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
    .unique();
}

/**
 * Position in the waitlist (1 = next in line): the number of waitlisted RSVPs with a smaller
 * order, plus one. Reads at most WAITLIST_POSITION_SCAN rows (an index range), however long
 * the waitlist; beyond that the position is reported as a lower bound.
 */
export async function waitlistPosition(ctx: QueryCtx, rsvp: Doc<"eventAttendance">, scan = WAITLIST_POSITION_SCAN) {
  const order = rsvp.waitlistOrder ?? 0;
  const ahead = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_status_order", (q) =>
      q.eq("eventId", rsvp.eventId).eq("rsvpStatus", "waitlisted").lt("waitlistOrder", order),
    )
    .take(scan);
  return { position: ahead.length + 1, isLowerBound: ahead.length === scan };
}

type Counters = Pick<Doc<"events">, "goingCount" | "maybeCount" | "waitlistCount" | "waitlistSeq">;

const COUNTER_OF = {
  going: "goingCount",
  maybe: "maybeCount",
  waitlisted: "waitlistCount",
  not_going: null,
} as const;

function bump(counters: Counters, status: Doc<"eventAttendance">["rsvpStatus"] | null, delta: number) {
  if (status === null) return;
  const key = COUNTER_OF[status];
  if (key !== null) counters[key] = Math.max(0, counters[key] + delta);
}

/**
 * Moves the first waitlisted RSVPs into free seats (at most `limit`), recording each promotion
 * on the RSVP and telling the member. Mutates `counters`; the caller patches the event.
 * Returns true when seats and waitlisted people both remain (a follow-up job continues).
 */
export async function fillFreeSeats(
  ctx: MutationCtx,
  event: Doc<"events">,
  counters: Counters,
  now: number,
  limit = PROMOTIONS_PER_TRANSACTION,
): Promise<boolean> {
  if (event.status !== "published" || now >= event.startTime) return false;
  const free = event.capacity === undefined ? Infinity : event.capacity - counters.goingCount;
  const n = Math.min(free, counters.waitlistCount, limit);
  if (n <= 0) return false;
  const next = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", "waitlisted"))
    .take(n);
  for (const row of next) {
    await ctx.db.patch("eventAttendance", row._id, {
      rsvpStatus: "going",
      waitlistOrder: undefined,
      promotedFromWaitlistAt: now,
    });
    await onWaitlistPromoted(ctx, event._id, row.userId);
    await onPromotedTimeline(ctx, event, row.userId, now);
  }
  counters.goingCount += next.length;
  counters.waitlistCount = Math.max(0, counters.waitlistCount - next.length);
  const freeAfter = event.capacity === undefined ? Infinity : event.capacity - counters.goingCount;
  return next.length === n && freeAfter > 0 && counters.waitlistCount > 0;
}

export type RsvpChoice = "going" | "maybe" | "not_going";

/**
 * Applies one member's RSVP: first come, first served. "going" when the event is full (or
 * people are already waiting) puts them at the end of the waitlist; a going member dropping
 * out promotes the first waitlisted in the same transaction. Counters move with every change.
 */
export async function applyRsvp(
  ctx: MutationCtx,
  event: Doc<"events">,
  userId: Id<"users">,
  choice: RsvpChoice,
  now: number,
) {
  const existing = await getRsvp(ctx, event._id, userId);
  const prev = existing?.rsvpStatus ?? null;
  if (choice === "going" && (prev === "going" || prev === "waitlisted")) {
    return { row: existing!, changed: false, scheduleMore: false };
  }
  if (prev === choice) return { row: existing!, changed: false, scheduleMore: false };

  const counters: Counters = {
    goingCount: event.goingCount,
    maybeCount: event.maybeCount,
    waitlistCount: event.waitlistCount,
    waitlistSeq: event.waitlistSeq,
  };
  let next: Doc<"eventAttendance">["rsvpStatus"] = choice;
  if (choice === "going" && event.capacity !== undefined) {
    const full = counters.goingCount >= event.capacity || counters.waitlistCount > 0;
    if (full) next = "waitlisted";
  }
  bump(counters, prev, -1);
  bump(counters, next, +1);
  const waitlistFields =
    next === "waitlisted" ? { waitlistOrder: ++counters.waitlistSeq, waitlistedAt: now } : { waitlistOrder: undefined };
  let rowId: Id<"eventAttendance">;
  if (existing === null) {
    // The name is kept on the row for the door list's search.
    const name = await nameOf(ctx, userId);
    rowId = await ctx.db.insert("eventAttendance", {
      eventId: event._id,
      userId,
      rsvpStatus: next,
      rsvpAt: now,
      ...waitlistFields,
      name,
    });
  } else {
    rowId = existing._id;
    await ctx.db.patch("eventAttendance", existing._id, { rsvpStatus: next, rsvpAt: now, ...waitlistFields });
  }
  let scheduleMore = false;
  if (prev === "going") scheduleMore = await fillFreeSeats(ctx, event, counters, now);
  await ctx.db.patch("events", event._id, counters);
  await onRsvpChanged(ctx, event, (await ctx.db.get("eventAttendance", rowId))!, now);
  const row = (await ctx.db.get("eventAttendance", rowId))!;
  return {
    row,
    changed: true,
    scheduleMore,
    waitlistPosition: next === "waitlisted" ? counters.waitlistCount : undefined,
  };
}

/**
 * Drops one person's RSVP: the counters move and the first waitlisted people take a freed seat
 * (applyRsvp's "not going"), then the row goes. Returns whether a follow-up promotion job is
 * needed (the caller schedules continuePromotions), or null when there was no RSVP.
 */
export async function releaseRsvp(ctx: MutationCtx, event: Doc<"events">, userId: Id<"users">, now: number) {
  const existing = await getRsvp(ctx, event._id, userId);
  if (existing === null) return null;
  const { scheduleMore } = await applyRsvp(ctx, event, userId, "not_going", now);
  await ctx.db.delete("eventAttendance", existing._id);
  return scheduleMore;
}

/** Upcoming events of an org looked at per transaction when releasing someone's RSVPs. */
export const RELEASE_EVENTS_PER_TRANSACTION = 100;

/**
 * Releases a person's RSVPs to the org's events that have not started (after they left or were
 * removed). Reads the org's upcoming events a page at a time (by_org_start) and one RSVP row
 * each; a further page, and promotions that did not fit, continue in scheduled jobs.
 */
export async function releaseUpcomingRsvps(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  cursor: string | null = null,
): Promise<void> {
  const now = Date.now();
  const page = await ctx.db
    .query("events")
    .withIndex("by_org_start", (q) => q.eq("orgId", orgId).gt("startTime", now))
    .paginate({ numItems: RELEASE_EVENTS_PER_TRANSACTION, cursor });
  for (const event of page.page) {
    if ((await releaseRsvp(ctx, event, userId, now)) === true) {
      await ctx.scheduler.runAfter(0, internal.events.mutations.continuePromotions, { eventId: event._id });
    }
  }
  if (!page.isDone) {
    await ctx.scheduler.runAfter(0, internal.events.mutations.continueReleasingRsvps, {
      orgId,
      userId,
      cursor: page.continueCursor,
    });
  }
}
