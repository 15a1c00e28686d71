// HTTP endpoints serving calendar files (registered in convex/http.ts):
//   GET /events/<eventId>.ics[?token=…]     one event ("Add to calendar")
//   GET /orgs/<slug>/calendar.ics[?token=…] a subscribable feed of the org's upcoming and recent events
// Public orgs need no token; private orgs need a member's calendar token (calendarTokens.ts).
// With a valid token the online link is included for events the member is going to (and for
// admins). Anything not visible answers 404, so hidden events and orgs do not leak.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { httpAction, internalQuery, type QueryCtx } from "../_generated/server";
import { getOrgBySlugRow } from "../orgs/model";
import { buildIcs, type CalendarEvent } from "./calendar";
import { env } from "../lib/env";
import { memberForToken } from "./calendarTokens";
import { getRsvp } from "./model";

/** The feed holds events that started at most this long ago… */
export const FEED_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;
/** …and at most this many events (soonest first from the lookback). */
export const FEED_MAX_EVENTS = 200;

const calendarEventValidator = v.object({
  id: v.string(),
  title: v.string(),
  description: v.optional(v.string()),
  startTime: v.number(),
  endTime: v.number(),
  venue: v.optional(v.string()),
  locationUrl: v.optional(v.string()),
  onlineUrl: v.optional(v.string()),
  pageUrl: v.optional(v.string()),
  status: v.union(v.literal("draft"), v.literal("published"), v.literal("cancelled")),
  cancelReason: v.optional(v.string()),
  sequence: v.number(),
  updatedAt: v.number(),
  createdAt: v.number(),
  orgName: v.string(),
});

const calendarValidator = v.union(v.null(), v.object({ name: v.string(), events: v.array(calendarEventValidator) }));

async function toCalendarEvent(
  ctx: QueryCtx,
  event: Doc<"events">,
  org: Doc<"organizations">,
  member: Doc<"orgMemberships"> | null,
): Promise<CalendarEvent> {
  let showOnline = false;
  if (member !== null && event.onlineUrl !== undefined) {
    showOnline = member.role === "admin" || (await getRsvp(ctx, event._id, member.userId))?.rsvpStatus === "going";
  }
  return {
    id: event._id,
    title: event.title,
    description: event.description,
    startTime: event.startTime,
    endTime: event.endTime,
    venue: event.location,
    locationUrl: event.locationUrl,
    onlineUrl: showOnline ? event.onlineUrl : undefined,
    pageUrl: `${env.siteUrl()}/events/${event._id}`,
    status: event.status,
    cancelReason: event.cancelReason,
    sequence: event.sequence,
    updatedAt: event.updatedAt,
    createdAt: event.createdAt,
    orgName: org.name,
  };
}

/** One event for its .ics file, or null when the caller may not have it. */
export const eventCalendar = internalQuery({
  args: { eventId: v.string(), token: v.optional(v.string()) },
  returns: calendarValidator,
  handler: async (ctx, { eventId: raw, token }) => {
    const eventId = ctx.db.normalizeId("events", raw);
    const event = eventId === null ? null : await ctx.db.get("events", eventId);
    if (event === null || event.status === "draft") return null;
    const org = await ctx.db.get("organizations", event.orgId);
    if (org === null) return null;
    const member = await memberForToken(ctx, org._id, token);
    if (org.visibility === "private" && member === null) return null;
    return { name: `${org.name}: ${event.title}`, events: [await toCalendarEvent(ctx, event, org, member)] };
  },
});

/** The org's feed: published and cancelled events from the last 30 days on, at most 200. */
export const orgCalendar = internalQuery({
  args: { slug: v.string(), token: v.optional(v.string()) },
  returns: calendarValidator,
  handler: async (ctx, { slug, token }) => {
    const org = slug.length <= 100 ? await getOrgBySlugRow(ctx, slug) : null;
    if (org === null) return null;
    const member = await memberForToken(ctx, org._id, token);
    if (org.visibility === "private" && member === null) return null;
    const since = Date.now() - FEED_LOOKBACK_MS;
    const rows = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) => q.eq("orgId", org._id).gte("startTime", since))
      .take(FEED_MAX_EVENTS);
    const visible = rows.filter((e) => e.status !== "draft");
    return { name: org.name, events: await Promise.all(visible.map((e) => toCalendarEvent(ctx, e, org, member))) };
  },
});

function badRequest() {
  return new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A percent-encoded path segment, or null when its encoding is malformed (e.g. "%E0%A4%A"). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function icsResponse(body: string, filename: string, isPrivate: boolean) {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Token URLs are personal: never cache them in shared caches.
      "Cache-Control": isPrivate ? "private, no-store" : "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}

/** GET /events/<eventId>.ics */
export const eventIcs = httpAction(async (ctx, request) => {
  const url = new URL(request.url);
  const match = /^\/events\/([^/]+)\.ics$/.exec(url.pathname);
  if (match === null) return notFound();
  const eventId = decodeSegment(match[1]!);
  if (eventId === null) return badRequest();
  const token = url.searchParams.get("token") ?? undefined;
  const calendar = await ctx.runQuery(internal.events.calendarFeed.eventCalendar, { eventId, token });
  if (calendar === null) return notFound();
  return icsResponse(buildIcs({ name: calendar.name, events: calendar.events }), "event.ics", token !== undefined);
});

/** GET /orgs/<slug>/calendar.ics */
export const orgIcs = httpAction(async (ctx, request) => {
  const url = new URL(request.url);
  const match = /^\/orgs\/([^/]+)\/calendar\.ics$/.exec(url.pathname);
  if (match === null) return notFound();
  const slug = decodeSegment(match[1]!);
  if (slug === null) return badRequest();
  const token = url.searchParams.get("token") ?? undefined;
  const calendar = await ctx.runQuery(internal.events.calendarFeed.orgCalendar, { slug, token });
  if (calendar === null) return notFound();
  return icsResponse(
    buildIcs({ name: calendar.name, events: calendar.events, feed: true }),
    `${slug}.ics`,
    token !== undefined,
  );
});
