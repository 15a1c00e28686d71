// Scheduled fan-outs for event notices other than reminders: new-event announcements (to the
// org's members who chose "all"), changes and cancellations (to everyone who RSVP'd going, maybe
// or waitlisted) and waitlist promotions. Each page is one mutation; the next is scheduled.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { announcementEmail, cancellationEmail, changeEmail, formatEventTime, promotedEmail } from "../emails/templates";
import { sendNotice, toEventInfo } from "./deliver";
import { announcementMode, loadRecipient } from "./preferences";

export const FANOUT_PAGE_SIZE = 100;

export const changeValidator = v.object({
  field: v.string(),
  old: v.union(v.string(), v.number(), v.null()),
  new: v.union(v.string(), v.number(), v.null()),
});

/** "all" subscribers among the org's members hear about a newly published event at once. */
export const announceEventPage = internalMutation({
  args: { eventId: v.id("events"), cursor: v.optional(v.union(v.string(), v.null())) },
  returns: v.object({ sent: v.number(), done: v.boolean() }),
  handler: async (ctx, { eventId, cursor }) => {
    const event = await ctx.db.get("events", eventId);
    if (event === null || event.status !== "published" || event.startTime <= Date.now()) {
      return { sent: 0, done: true };
    }
    const org = await ctx.db.get("organizations", event.orgId);
    const page = await ctx.db
      .query("orgMemberships")
      .withIndex("by_org", (q) => q.eq("orgId", event.orgId))
      .paginate({ numItems: FANOUT_PAGE_SIZE, cursor: cursor ?? null });
    let sent = 0;
    const info = toEventInfo(event, org, false);
    for (const membership of page.page) {
      if (membership.userId === event.createdBy) continue;
      const r = await loadRecipient(ctx, membership.userId);
      if (r === null || announcementMode(r, event.orgId, event.eventType) !== "all") continue;
      const ok = await sendNotice(ctx, r, {
        kind: "announcement",
        dedupeKey: `announcement:${event._id}:${r.userId}`,
        title: `New event: ${event.title}`,
        body: `${info.orgName} · ${formatEventTime(event.startTime, event.timezone, r.timezone)}`,
        eventId: event._id,
        orgId: event.orgId,
        unsubscribe: "announcements-off",
        render: (links) => announcementEmail({ memberName: r.name, memberTimezone: r.timezone, event: info, links }),
      });
      if (ok) sent += 1;
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.notifications.fanout.announceEventPage, {
        eventId,
        cursor: page.continueCursor,
      });
    }
    return { sent, done: page.isDone };
  },
});

const attendeePhases = ["going", "maybe", "waitlisted"] as const;
const attendeePhaseValidator = v.union(v.literal("going"), v.literal("maybe"), v.literal("waitlisted"));

/**
 * Tells everyone who RSVP'd (going, maybe, waitlisted) that the event changed or was cancelled.
 * `stamp` identifies this change, so each change reaches each member once.
 */
export const notifyAttendeesPage = internalMutation({
  args: {
    eventId: v.id("events"),
    kind: v.union(v.literal("event_changed"), v.literal("event_cancelled")),
    stamp: v.number(),
    changes: v.optional(v.array(changeValidator)),
    reason: v.optional(v.string()),
    phase: v.optional(attendeePhaseValidator),
    cursor: v.optional(v.union(v.string(), v.null())),
  },
  returns: v.object({ sent: v.number(), done: v.boolean() }),
  handler: async (ctx, args) => {
    const event = await ctx.db.get("events", args.eventId);
    if (event === null) return { sent: 0, done: true };
    const org = await ctx.db.get("organizations", event.orgId);
    const phase = args.phase ?? "going";
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", phase))
      .paginate({ numItems: FANOUT_PAGE_SIZE, cursor: args.cursor ?? null });
    let sent = 0;
    for (const rsvp of page.page) {
      if (await sendAttendeeNotice(ctx, event, org, rsvp, args)) sent += 1;
    }
    const { phase: _phase, cursor: _cursor, ...rest } = args;
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.notifications.fanout.notifyAttendeesPage, {
        ...rest,
        phase,
        cursor: page.continueCursor,
      });
      return { sent, done: false };
    }
    const nextPhase = attendeePhases[attendeePhases.indexOf(phase) + 1];
    if (nextPhase !== undefined) {
      await ctx.scheduler.runAfter(0, internal.notifications.fanout.notifyAttendeesPage, {
        ...rest,
        phase: nextPhase,
        cursor: null,
      });
      return { sent, done: false };
    }
    return { sent, done: true };
  },
});

async function sendAttendeeNotice(
  ctx: MutationCtx,
  event: Doc<"events">,
  org: Doc<"organizations"> | null,
  rsvp: Doc<"eventAttendance">,
  args: {
    kind: "event_changed" | "event_cancelled";
    stamp: number;
    changes?: { field: string; old: string | number | null; new: string | number | null }[];
    reason?: string;
  },
): Promise<boolean> {
  const r = await loadRecipient(ctx, rsvp.userId);
  if (r === null) return false;
  const going = rsvp.rsvpStatus === "going";
  const info = toEventInfo(event, org, going);
  const dedupeKey = `${args.kind}:${event._id}:${r.userId}:${args.stamp}`;
  if (args.kind === "event_cancelled") {
    return await sendNotice(ctx, r, {
      kind: "event_cancelled",
      dedupeKey,
      title: `Cancelled: ${event.title}`,
      body: args.reason ?? `${info.orgName} cancelled this event.`,
      eventId: event._id,
      orgId: event.orgId,
      render: (links) =>
        cancellationEmail({ memberName: r.name, memberTimezone: r.timezone, event: info, reason: args.reason, links }),
    });
  }
  const changes = args.changes ?? [];
  return await sendNotice(ctx, r, {
    kind: "event_changed",
    dedupeKey,
    title: `Changed: ${event.title}`,
    body: `Now ${formatEventTime(event.startTime, event.timezone, r.timezone)}${event.location ? ` · ${event.location}` : ""}`,
    eventId: event._id,
    orgId: event.orgId,
    render: (links) =>
      changeEmail({
        memberName: r.name,
        memberTimezone: r.timezone,
        event: info,
        changes,
        showOnlineUrl: going,
        links,
      }),
  });
}

/** "You're in": the member was moved from the waitlist to going. */
export const notifyWaitlistPromoted = internalMutation({
  args: { eventId: v.id("events"), userId: v.id("users"), stamp: v.number() },
  returns: v.boolean(),
  handler: async (ctx, { eventId, userId, stamp }) => {
    const event = await ctx.db.get("events", eventId);
    if (event === null || event.status !== "published") return false;
    const rsvp = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
      .unique();
    if (rsvp === null || rsvp.rsvpStatus !== "going") return false; // dropped out again meanwhile
    const r = await loadRecipient(ctx, userId);
    if (r === null) return false;
    const org = await ctx.db.get("organizations", event.orgId);
    const info = toEventInfo(event, org, true);
    return await sendNotice(ctx, r, {
      kind: "waitlist_promoted",
      dedupeKey: `waitlist_promoted:${eventId}:${userId}:${stamp}`,
      title: `You're in: ${event.title}`,
      body: "A spot opened up and you've been moved from the waitlist to going.",
      eventId,
      orgId: event.orgId,
      render: (links) => promotedEmail({ memberName: r.name, memberTimezone: r.timezone, event: info, links }),
    });
  },
});
