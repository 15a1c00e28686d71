// Event pages, lists and the member dashboard.
// Hot paths (for the scale benchmark; see bench/HOT_PATHS.md): getEvent, myUpcomingEvents,
// listOrgEvents. None reads all of an org's events or all of an event's RSVPs.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { eventAdminQuery, publicQuery, userQuery } from "../lib/functions";
import { getOrgBySlugRow, MAX_ORGS_PER_USER_READ, withLogoUrl } from "../orgs/model";
import { displayName, getProfileByUser } from "../profiles/model";
import { attendanceStateValidator, EVENT_LIMITS, orgRoleValidator, rsvpStatusValidator } from "../lib/vocabulary";
import {
  eventPageValidator,
  eventSummaryValidator,
  getRsvp,
  isAdmin,
  loadVisibleEvent,
  toEventPage,
  toEventSummaryWithCover,
  toViewerRsvp,
  viewerRsvpValidator,
  waitlistPosition,
} from "./model";

const MAX_EVENT_PAGE = 50;
const MAX_ATTENDEE_PAGE = 100;
/** Dashboard bounds: the caller's most recently joined orgs, and the next events of each. */
export const DASHBOARD_ORGS = 25;
export const DASHBOARD_EVENTS_PER_ORG = 5;
export const DASHBOARD_LIMIT = 20;
/** Admin attendee list: waitlist positions are counted exactly up to this many rows. */
const ATTENDEE_WAITLIST_SCAN = 2000;

/**
 * The event page. Public orgs' published and cancelled events are readable by anyone (signed
 * out too: the page renders on the server). Private orgs' events: members only. Drafts: the
 * org's admins only. Everyone else gets NOT_FOUND. `onlineUrl` is present only for admins and
 * members whose RSVP is "going" (`hasOnlineUrl` says whether there is one).
 */
export const getEvent = publicQuery({
  args: { eventId: v.id("events") },
  returns: eventPageValidator,
  handler: async (ctx, { eventId }) => {
    const { event, org, viewer } = await loadVisibleEvent(ctx, eventId, ctx.viewerId);
    const rsvp = viewer.userId === null ? null : await getRsvp(ctx, eventId, viewer.userId);
    const waitlist = rsvp?.rsvpStatus === "waitlisted" ? await waitlistPosition(ctx, rsvp) : null;
    const coverUrl = event.coverStorageId === undefined ? null : await ctx.storage.getUrl(event.coverStorageId);
    return toEventPage(event, await withLogoUrl(ctx, org), viewer, rsvp, waitlist, Date.now(), coverUrl ?? undefined);
  },
});

async function resolveOrg(ctx: QueryCtx, orgId: Id<"organizations"> | undefined, slug: string | undefined) {
  if ((orgId === undefined) === (slug === undefined)) {
    throw invalidArgument("orgId", "Give either orgId or slug.");
  }
  const org =
    orgId !== undefined
      ? await ctx.db.get("organizations", orgId)
      : slug!.length <= 100
        ? await getOrgBySlugRow(ctx, slug!)
        : null;
  if (org === null) throw appError("NOT_FOUND", "This organization does not exist.");
  return org;
}

/**
 * An org's events, a page at a time. "upcoming": not yet ended, soonest first (events in
 * progress included). "past": ended, most recent first. Drafts appear for admins only; private
 * orgs' events for members only (others get NOT_FOUND, like the org page).
 */
export const listOrgEvents = publicQuery({
  args: {
    orgId: v.optional(v.id("organizations")),
    slug: v.optional(v.string()),
    when: v.union(v.literal("upcoming"), v.literal("past")),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(eventSummaryValidator),
  handler: async (ctx, { orgId, slug, when, paginationOpts }) => {
    const userId = ctx.viewerId; // public orgs' lists render signed out
    const org = await resolveOrg(ctx, orgId, slug);
    const membership = userId === null ? null : await getMembership(ctx, org._id, userId);
    if (org.visibility === "private" && membership === null) {
      throw appError("NOT_FOUND", "This organization does not exist.");
    }
    const admin = isAdmin({ userId, membership });
    const now = Date.now();
    const opts = { ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_EVENT_PAGE) };
    // The index range is exact on the start; the filter only drops events started in the last
    // 7 days (the longest an event lasts) that have already ended, and drafts for non-admins.
    const source =
      when === "upcoming"
        ? ctx.db
            .query("events")
            .withIndex("by_org_start", (q) => q.eq("orgId", org._id).gt("startTime", now - EVENT_LIMITS.maxDurationMs))
            // eslint-disable-next-line @convex-dev/no-filter-in-query -- bounded, see above
            .filter((q) =>
              admin
                ? q.gt(q.field("endTime"), now)
                : q.and(q.gt(q.field("endTime"), now), q.neq(q.field("status"), "draft")),
            )
        : ctx.db
            .query("events")
            .withIndex("by_org_start", (q) => q.eq("orgId", org._id).lte("startTime", now))
            .order("desc")
            // eslint-disable-next-line @convex-dev/no-filter-in-query -- bounded, see above
            .filter((q) =>
              admin
                ? q.lte(q.field("endTime"), now)
                : q.and(q.lte(q.field("endTime"), now), q.neq(q.field("status"), "draft")),
            );
    const page = await source.paginate(opts);
    return { ...page, page: await Promise.all(page.page.map((event) => toEventSummaryWithCover(ctx, event))) };
  },
});

const dashboardItemValidator = v.object({
  event: eventSummaryValidator,
  org: v.object({ _id: v.id("organizations"), name: v.string(), slug: v.string() }),
  viewerRole: orgRoleValidator,
  myRsvp: v.union(viewerRsvpValidator, v.null()),
});

/**
 * The member dashboard: upcoming (not yet ended) published and cancelled events across the
 * caller's orgs, soonest first, with their own RSVP. Bounded: the DASHBOARD_ORGS most recently
 * joined orgs × their next DASHBOARD_EVENTS_PER_ORG events, DASHBOARD_LIMIT returned.
 * `partial` is true when the caller belongs to more orgs than were read. Waitlist positions
 * are on the event page (counting them here would multiply reads).
 */
export const myUpcomingEvents = userQuery({
  args: {},
  returns: v.object({ events: v.array(dashboardItemValidator), partial: v.boolean() }),
  handler: async (ctx) => {
    const { user } = ctx;
    const memberships = await ctx.db
      .query("orgMemberships")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .order("desc")
      .take(Math.min(DASHBOARD_ORGS + 1, MAX_ORGS_PER_USER_READ));
    const partial = memberships.length > DASHBOARD_ORGS;
    const now = Date.now();
    const perOrg = await Promise.all(
      memberships.slice(0, DASHBOARD_ORGS).map(async (m) => {
        const events = await ctx.db
          .query("events")
          .withIndex("by_org_start", (q) => q.eq("orgId", m.orgId).gt("startTime", now - EVENT_LIMITS.maxDurationMs))
          // Drops drafts and events of the last 7 days that already ended (few per org).
          // eslint-disable-next-line @convex-dev/no-filter-in-query
          .filter((q) => q.and(q.gt(q.field("endTime"), now), q.neq(q.field("status"), "draft")))
          .take(DASHBOARD_EVENTS_PER_ORG);
        return events.map((event) => ({ event, membership: m }));
      }),
    );
    const soonest = perOrg
      .flat()
      .sort((a, b) => a.event.startTime - b.event.startTime || a.event._id.localeCompare(b.event._id))
      .slice(0, DASHBOARD_LIMIT);
    const orgs = new Map<Id<"organizations">, Doc<"organizations"> | null>();
    for (const { event } of soonest) {
      if (!orgs.has(event.orgId)) orgs.set(event.orgId, await ctx.db.get("organizations", event.orgId));
    }
    const items = await Promise.all(
      soonest.map(async ({ event, membership }) => {
        const org = orgs.get(event.orgId);
        if (!org) return null;
        const rsvp = await getRsvp(ctx, event._id, user._id);
        return {
          event: await toEventSummaryWithCover(ctx, event),
          org: { _id: org._id, name: org.name, slug: org.slug },
          viewerRole: membership.role,
          myRsvp: rsvp === null ? null : toViewerRsvp(rsvp, null),
        };
      }),
    );
    return { events: items.filter((item) => item !== null), partial };
  },
});

const attendeeRowValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  status: rsvpStatusValidator,
  rsvpAt: v.number(),
  waitlistPosition: v.optional(v.number()),
  promotedFromWaitlistAt: v.optional(v.number()),
  /** What was recorded after the event ("unknown" until then); details on the attendance sheet. */
  attendance: attendanceStateValidator,
  disputed: v.boolean(),
});

/** Dashboard: the drafts waiting in the orgs the caller runs (admin memberships only), soonest first. */
export const myDrafts = userQuery({
  args: {},
  returns: v.array(
    v.object({
      _id: v.id("events"),
      title: v.string(),
      startTime: v.number(),
      timezone: v.string(),
      org: v.object({ _id: v.id("organizations"), name: v.string(), slug: v.string() }),
    }),
  ),
  handler: async (ctx) => {
    const memberships = await ctx.db
      .query("orgMemberships")
      .withIndex("by_user", (q) => q.eq("userId", ctx.user._id))
      .order("desc")
      .take(MAX_ORGS_PER_USER_READ);
    const now = Date.now();
    const perOrg = await Promise.all(
      memberships
        .filter((m) => m.role === "admin")
        .slice(0, DASHBOARD_ORGS)
        .map(async (m) => {
          const org = await ctx.db.get("organizations", m.orgId);
          if (org === null) return [];
          const drafts = await ctx.db
            .query("events")
            .withIndex("by_org_start", (q) => q.eq("orgId", m.orgId).gt("startTime", now - EVENT_LIMITS.maxDurationMs))
            // An org's upcoming events are few; this keeps its drafts.
            // eslint-disable-next-line @convex-dev/no-filter-in-query
            .filter((q) => q.eq(q.field("status"), "draft"))
            .take(DASHBOARD_EVENTS_PER_ORG);
          return drafts.map((event) => ({
            _id: event._id,
            title: event.title,
            startTime: event.startTime,
            timezone: event.timezone,
            org: { _id: org._id, name: org.name, slug: org.slug },
          }));
        }),
    );
    return perOrg
      .flat()
      .sort((a, b) => a.startTime - b.startTime)
      .slice(0, DASHBOARD_EVENTS_PER_ORG);
  },
});

/**
 * Everyone who answered, a page at a time (admins only). Without `status`: in order of first
 * RSVP. With `status`: that status only; "waitlisted" lists the queue in order.
 * Waitlist positions are exact (counted from the queue's head, up to 2,000 rows).
 */
export const listAttendees = eventAdminQuery({
  args: {
    status: v.optional(rsvpStatusValidator),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(attendeeRowValidator),
  handler: async (ctx, { status, paginationOpts }) => {
    const eventId = ctx.event._id;
    const opts = { ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_ATTENDEE_PAGE) };
    const page = await (
      status === undefined
        ? ctx.db.query("eventAttendance").withIndex("by_event", (q) => q.eq("eventId", eventId))
        : ctx.db
            .query("eventAttendance")
            .withIndex("by_event_status_order", (q) => q.eq("eventId", eventId).eq("rsvpStatus", status))
    ).paginate(opts);
    const positions = await waitlistRanks(ctx, eventId, page.page);
    const rows = await Promise.all(
      page.page.map(async (r) => {
        const [user, profile] = await Promise.all([ctx.db.get("users", r.userId), getProfileByUser(ctx, r.userId)]);
        return {
          userId: r.userId,
          name: displayName(profile, user),
          status: r.rsvpStatus,
          rsvpAt: r.rsvpAt,
          waitlistPosition: r.waitlistOrder === undefined ? undefined : positions.get(r.waitlistOrder),
          promotedFromWaitlistAt: r.promotedFromWaitlistAt,
          attendance: r.state ?? "unknown",
          disputed: r.disputed === true,
        };
      }),
    );
    return { ...page, page: rows };
  },
});

/** Queue positions of the waitlisted rows in a page: one index range from the queue's head. */
async function waitlistRanks(ctx: QueryCtx, eventId: Id<"events">, rows: Doc<"eventAttendance">[]) {
  const orders = rows
    .filter((r) => r.rsvpStatus === "waitlisted" && r.waitlistOrder !== undefined)
    .map((r) => r.waitlistOrder!);
  const ranks = new Map<number, number>();
  if (orders.length === 0) return ranks;
  const last = Math.max(...orders);
  const queue = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_status_order", (q) =>
      q.eq("eventId", eventId).eq("rsvpStatus", "waitlisted").lte("waitlistOrder", last),
    )
    .take(ATTENDEE_WAITLIST_SCAN);
  queue.forEach((r, i) => {
    if (r.waitlistOrder !== undefined) ranks.set(r.waitlistOrder, i + 1);
  });
  return ranks;
}
