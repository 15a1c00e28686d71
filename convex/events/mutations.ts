// Event management (org admins) and RSVP (members).
// Hot path: rsvp — reads the event, the caller's membership and RSVP, and at most
// PROMOTIONS_PER_TRANSACTION waitlisted RSVPs when a going member drops out; never all RSVPs.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { onEventWritten } from "../engagement/hooks";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { eventAdminMutation, eventMemberMutation, orgAdminMutation } from "../lib/functions";
import { releaseImage } from "../images/model";
import { enforceLimit } from "../lib/rateLimits";
import { onEventCancelled, onEventPublished } from "../notifications/hooks";
import { onSessionCancelled } from "../programs/hooks";
import { rsvpStatusValidator } from "../lib/vocabulary";
import { applyRsvp, releaseRsvp, releaseUpcomingRsvps, waitlistPosition } from "./model";
import { applyEventUpdate, insertEvent, promoteAndPatch } from "./write";
import { checkCancelReason, checkEventFields, eventFieldsValidator } from "./validation";

/**
 * Creates an event. Only the org's admins. A draft by default (nothing is visible to members
 * until published); with `publish: true` it is created published in the same transaction, with
 * the publish side effects (reminder jobs, announcements) of `publishEvent`.
 */
export const createEvent = orgAdminMutation({
  args: { ...eventFieldsValidator, publish: v.optional(v.boolean()) },
  returns: v.object({ eventId: v.id("events") }),
  handler: async (ctx, { publish, ...input }) => {
    const fields = checkEventFields(input);
    const eventId = await insertEvent(ctx, ctx.org._id, ctx.user._id, fields, { publish: publish === true });
    return { eventId };
  },
});

/**
 * Saves the edit form (full replace: an omitted optional field is cleared). Drafts and
 * published events only. When a published event's time or place changes, an `eventChanges`
 * row records old and new values so attendees can be told; draft edits are not recorded.
 * Raising (or removing) the capacity promotes people from the waitlist.
 */
export const updateEvent = eventAdminMutation({
  args: eventFieldsValidator,
  returns: v.null(),
  handler: async (ctx, input) => {
    const { event, user } = ctx;
    if (event.status === "cancelled") throw appError("CONFLICT", "A cancelled event can no longer be edited.");
    await applyEventUpdate(ctx, event, user._id, checkEventFields(input, event));
    return null;
  },
});

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

/** Continues releasing a former member's upcoming RSVPs; stops if they have joined again. */
export const continueReleasingRsvps = internalMutation({
  args: { orgId: v.id("organizations"), userId: v.id("users"), cursor: v.string() },
  returns: v.null(),
  handler: async (ctx, { orgId, userId, cursor }) => {
    if ((await getMembership(ctx, orgId, userId)) !== null) return null;
    await releaseUpcomingRsvps(ctx, orgId, userId, cursor);
    return null;
  },
});

/** Draft → published: members can see it and RSVP. Publishing again is a no-op. */
export const publishEvent = eventAdminMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { event } = ctx;
    const eventId = event._id;
    if (event.status === "cancelled") throw appError("CONFLICT", "A cancelled event cannot be published again.");
    if (event.status === "published") return null;
    const now = Date.now();
    await ctx.db.patch("events", eventId, { status: "published", publishedAt: now, updatedAt: now });
    await onEventWritten(ctx, event, { ...event, status: "published" });
    await onEventPublished(ctx, eventId);
    return null;
  },
});

/**
 * Published → cancelled, with an optional reason (≤500 characters) shown on the event page and
 * in calendar feeds. RSVPs are kept; an `eventChanges` row lets the notifications tell them.
 * Drafts are deleted, not cancelled; an event that has ended cannot be cancelled (CONFLICT).
 */
export const cancelEvent = eventAdminMutation({
  args: { reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { reason }) => {
    const { event, user } = ctx;
    const eventId = event._id;
    const cancelReason = checkCancelReason(reason);
    if (event.status === "draft") throw appError("CONFLICT", "Drafts cannot be cancelled; delete the draft instead.");
    if (event.status === "cancelled") return null;
    const now = Date.now();
    // Its attendance, feedback and counters are history: an event that happened stays.
    if (now >= event.endTime)
      throw appError("CONFLICT", "This event has already ended and can no longer be cancelled.");
    await ctx.db.patch("events", eventId, {
      status: "cancelled",
      cancelledAt: now,
      cancelReason,
      sequence: event.sequence + 1,
      updatedAt: now,
    });
    await onEventWritten(ctx, event, { ...event, status: "cancelled" });
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
    if (event.programId !== undefined) await onSessionCancelled(ctx, event.programId);
    return null;
  },
});

/** Deletes a draft. Published and cancelled events stay (they have RSVPs and history). */
export const deleteEvent = eventAdminMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { event } = ctx;
    const eventId = event._id;
    if (event.status !== "draft") {
      throw appError("CONFLICT", "Only drafts can be deleted. Cancel a published event instead.");
    }
    await releaseImage(ctx, event.coverStorageId);
    await ctx.db.delete("events", eventId);
    await onEventWritten(ctx, event, null);
    return null;
  },
});

/** Copies an event (any status) as a new draft with the same details and no RSVPs. */
export const duplicateEvent = eventAdminMutation({
  args: {},
  returns: v.object({ eventId: v.id("events") }),
  handler: async (ctx) => {
    const { event, user } = ctx;
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
export const rsvp = eventMemberMutation({
  args: {
    status: v.union(v.literal("going"), v.literal("maybe"), v.literal("not_going")),
  },
  returns: v.object({
    status: rsvpStatusValidator,
    waitlistPosition: v.optional(v.number()),
  }),
  handler: async (ctx, { status }) => {
    const { user, event } = ctx;
    const eventId = event._id;
    // Only admins get here for a draft (the builder hides drafts from members).
    if (event.status === "draft") throw appError("CONFLICT", "Publish the event before anyone can RSVP.");
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

/**
 * An admin drops someone's RSVP (going, maybe or waitlisted): the seat is freed and the first
 * waitlisted person moves up. Not after the start (attendance is recorded instead).
 */
export const removeRsvp = eventAdminMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    const { event } = ctx;
    const now = Date.now();
    if (now >= event.startTime) throw appError("CONFLICT", "This event has already started; RSVPs are closed.");
    const more = await releaseRsvp(ctx, event, userId, now);
    if (more === null) throw appError("NOT_FOUND", "This person has no RSVP to this event.", "userId");
    if (more) await ctx.scheduler.runAfter(0, internal.events.mutations.continuePromotions, { eventId: event._id });
    return null;
  },
});
