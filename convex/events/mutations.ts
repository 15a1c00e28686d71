// Event management (org admins) and RSVP (members).
// Hot path: rsvp — reads the event, the caller's membership and RSVP, and at most
// PROMOTIONS_PER_TRANSACTION waitlisted RSVPs when a going member drops out; never all RSVPs.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalMutation, mutation, type MutationCtx } from "../_generated/server";
import { getMembership, requireOrgAdmin, requireUser } from "../lib/access";
import { appError } from "../lib/errors";
import { enforceLimit } from "../lib/rateLimits";
import { onEventCancelled, onEventPublished, onEventTimeChanged, rescheduleEventReminders } from "../notifications/hooks";
import { rsvpStatusValidator } from "../lib/vocabulary";
import { applyRsvp, fillFreeSeats, requireEventAdmin, waitlistPosition } from "./model";
import { checkCancelReason, checkEventFields, eventFieldsValidator, type CheckedEventFields } from "./validation";

/** Creates a draft event. Only the org's admins; nothing is visible to members until published. */
export const createEvent = mutation({
  args: { orgId: v.id("organizations"), ...eventFieldsValidator },
  returns: v.object({ eventId: v.id("events") }),
  handler: async (ctx, { orgId, ...input }) => {
    const { user } = await requireOrgAdmin(ctx, orgId);
    const fields = checkEventFields(input);
    const now = Date.now();
    const eventId = await ctx.db.insert("events", {
      orgId,
      ...fields,
      status: "draft",
      goingCount: 0,
      maybeCount: 0,
      waitlistCount: 0,
      waitlistSeq: 0,
      sequence: 0,
      createdBy: user._id,
      createdAt: now,
      updatedAt: now,
    });
    return { eventId };
  },
});

type TimePlaceField = Doc<"eventChanges">["changes"][number]["field"];
const TIME_PLACE: { field: TimePlaceField; key: keyof CheckedEventFields }[] = [
  { field: "startTime", key: "startTime" },
  { field: "endTime", key: "endTime" },
  { field: "timezone", key: "timezone" },
  { field: "venue", key: "location" },
  { field: "locationUrl", key: "locationUrl" },
  { field: "onlineUrl", key: "onlineUrl" },
];

/**
 * Saves the edit form (full replace: an omitted optional field is cleared). Drafts and
 * published events only. When a published event's time or place changes, an `eventChanges`
 * row records old and new values so attendees can be told; draft edits are not recorded.
 * Raising (or removing) the capacity promotes people from the waitlist.
 */
export const updateEvent = mutation({
  args: { eventId: v.id("events"), ...eventFieldsValidator },
  returns: v.null(),
  handler: async (ctx, { eventId, ...input }) => {
    const { event, user } = await requireEventAdmin(ctx, eventId);
    if (event.status === "cancelled") throw appError("CONFLICT", "A cancelled event can no longer be edited.");
    const fields = checkEventFields(input);
    const now = Date.now();
    const patch: Partial<Doc<"events">> = { ...fields, updatedAt: now };
    const changes =
      event.status !== "published"
        ? []
        : TIME_PLACE.flatMap(({ field, key }) => {
            const before = field === "venue" ? event.location : event[key as keyof Doc<"events">];
            const after = fields[key];
            return before === after ? [] : [{ field, old: (before ?? null) as string | number | null, new: (after ?? null) as string | number | null }];
          });
    if (changes.length > 0) {
      // The admin's history; attendees are told by the hook below, in this transaction.
      await ctx.db.insert("eventChanges", {
        eventId,
        orgId: event.orgId,
        kind: "updated",
        changedAt: now,
        changedBy: user._id,
        changes,
      });
    }
    if (event.status === "published") patch.sequence = event.sequence + 1;
    await ctx.db.patch("events", eventId, patch);
    if (event.status === "published") {
      const updated = (await ctx.db.get("events", eventId))!;
      // New times re-arm the reminder jobs; new offsets alone only reschedule them.
      if (changes.length > 0) await onEventTimeChanged(ctx, updated, changes);
      else await rescheduleEventReminders(ctx, updated);
      await promoteAndPatch(ctx, updated, now);
    }
    return null;
  },
});

async function promoteAndPatch(ctx: MutationCtx, event: Doc<"events">, now: number) {
  const counters = {
    goingCount: event.goingCount,
    maybeCount: event.maybeCount,
    waitlistCount: event.waitlistCount,
    waitlistSeq: event.waitlistSeq,
  };
  const more = await fillFreeSeats(ctx, event, counters, now);
  if (counters.goingCount !== event.goingCount) await ctx.db.patch("events", event._id, counters);
  if (more) await ctx.scheduler.runAfter(0, internal.events.mutations.continuePromotions, { eventId: event._id });
}

/** Continues waitlist promotions that did not fit in one transaction (capacity raised a lot). */
export const continuePromotions = internalMutation({
  args: { eventId: v.id("events") },
  returns: v.null(),
  handler: async (ctx, { eventId }) => {
    const event = await ctx.db.get("events", eventId);
    if (event !== null) await promoteAndPatch(ctx, event, Date.now());
    return null;
  },
});

/** Draft → published: members can see it and RSVP. Publishing again is a no-op. */
export const publishEvent = mutation({
  args: { eventId: v.id("events") },
  returns: v.null(),
  handler: async (ctx, { eventId }) => {
    const { event } = await requireEventAdmin(ctx, eventId);
    if (event.status === "cancelled") throw appError("CONFLICT", "A cancelled event cannot be published again.");
    if (event.status === "published") return null;
    const now = Date.now();
    await ctx.db.patch("events", eventId, { status: "published", publishedAt: now, updatedAt: now });
    await onEventPublished(ctx, eventId);
    return null;
  },
});

/**
 * Published → cancelled, with an optional reason (≤500 characters) shown on the event page and
 * in calendar feeds. RSVPs are kept; an `eventChanges` row lets the notifications tell them.
 * Drafts are deleted, not cancelled.
 */
export const cancelEvent = mutation({
  args: { eventId: v.id("events"), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { eventId, reason }) => {
    const { event, user } = await requireEventAdmin(ctx, eventId);
    const cancelReason = checkCancelReason(reason);
    if (event.status === "draft") throw appError("CONFLICT", "Drafts cannot be cancelled; delete the draft instead.");
    if (event.status === "cancelled") return null;
    const now = Date.now();
    await ctx.db.patch("events", eventId, {
      status: "cancelled",
      cancelledAt: now,
      cancelReason,
      sequence: event.sequence + 1,
      updatedAt: now,
    });
    await ctx.db.insert("eventChanges", {
      eventId,
      orgId: event.orgId,
      kind: "cancelled",
      changedAt: now,
      changedBy: user._id,
      changes: [],
      reason: cancelReason,
    });
    await onEventCancelled(ctx, eventId, cancelReason);
    return null;
  },
});

/** Deletes a draft. Published and cancelled events stay (they have RSVPs and history). */
export const deleteEvent = mutation({
  args: { eventId: v.id("events") },
  returns: v.null(),
  handler: async (ctx, { eventId }) => {
    const { event } = await requireEventAdmin(ctx, eventId);
    if (event.status !== "draft") {
      throw appError("CONFLICT", "Only drafts can be deleted. Cancel a published event instead.");
    }
    await ctx.db.delete("events", eventId);
    return null;
  },
});

/** Copies an event (any status) as a new draft with the same details and no RSVPs. */
export const duplicateEvent = mutation({
  args: { eventId: v.id("events") },
  returns: v.object({ eventId: v.id("events") }),
  handler: async (ctx, { eventId }) => {
    const { event, user } = await requireEventAdmin(ctx, eventId);
    const now = Date.now();
    const copyId = await ctx.db.insert("events", {
      orgId: event.orgId,
      title: event.title,
      description: event.description,
      eventType: event.eventType,
      location: event.location,
      locationUrl: event.locationUrl,
      onlineUrl: event.onlineUrl,
      startTime: event.startTime,
      endTime: event.endTime,
      timezone: event.timezone,
      capacity: event.capacity,
      notifyBefore: event.notifyBefore,
      status: "draft",
      goingCount: 0,
      maybeCount: 0,
      waitlistCount: 0,
      waitlistSeq: 0,
      sequence: 0,
      createdBy: user._id,
      createdAt: now,
      updatedAt: now,
    });
    return { eventId: copyId };
  },
});

/**
 * The caller's RSVP: going, maybe or not going. Members of the event's org only (others get
 * FORBIDDEN, telling them to join first). With a capacity, "going" on a full event (or while
 * others wait) answers "waitlisted" with the position. No RSVP to drafts, cancelled events or
 * after the start (CONFLICT).
 */
export const rsvp = mutation({
  args: {
    eventId: v.id("events"),
    status: v.union(v.literal("going"), v.literal("maybe"), v.literal("not_going")),
  },
  returns: v.object({
    status: rsvpStatusValidator,
    waitlistPosition: v.optional(v.number()),
  }),
  handler: async (ctx, { eventId, status }) => {
    const user = await requireUser(ctx);
    const event = await ctx.db.get("events", eventId);
    if (event === null) throw appError("NOT_FOUND", "This event does not exist.");
    const org = await ctx.db.get("organizations", event.orgId);
    const membership = org === null ? null : await getMembership(ctx, event.orgId, user._id);
    if (membership === null) {
      if (org === null || org.visibility === "private" || event.status === "draft") {
        throw appError("NOT_FOUND", "This event does not exist.");
      }
      throw appError("FORBIDDEN", `Join ${org.name} first to RSVP to its events.`);
    }
    if (event.status === "draft") {
      // Admins see drafts; members do not know they exist.
      if (membership.role !== "admin") throw appError("NOT_FOUND", "This event does not exist.");
      throw appError("CONFLICT", "Publish the event before anyone can RSVP.");
    }
    if (event.status === "cancelled") throw appError("CONFLICT", "This event was cancelled.");
    const now = Date.now();
    if (now >= event.startTime) throw appError("CONFLICT", "This event has already started; RSVPs are closed.");
    await enforceLimit(ctx, "rsvp", user._id);
    const result = await applyRsvp(ctx, event, user._id, status, now);
    if (result.scheduleMore) {
      await ctx.scheduler.runAfter(0, internal.events.mutations.continuePromotions, { eventId });
    }
    if (result.row.rsvpStatus === "waitlisted" && result.waitlistPosition === undefined) {
      // Unchanged waitlisted RSVP: report the current position (bounded read).
      const { position } = await waitlistPosition(ctx, result.row);
      return { status: result.row.rsvpStatus, waitlistPosition: position };
    }
    return { status: result.row.rsvpStatus, waitlistPosition: result.waitlistPosition };
  },
});
