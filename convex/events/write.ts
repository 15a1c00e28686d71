// Creating and editing an event, shared by the events functions and program sessions (which
// are events too), so every event gets the same publish side effects: reminder jobs, the
// "did you attend?" prompt, change notices to attendees.
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { onEventWritten } from "../engagement/hooks";
import { onEventPublished, onEventTimeChanged, rescheduleEventReminders } from "../notifications/hooks";
import { fillFreeSeats } from "./model";
import type { CheckedEventFields } from "./validation";

/** Program sessions carry their program and series. */
export type SessionLink = Pick<Doc<"events">, "programId" | "series">;

/**
 * Inserts an event; published at once when `publish`, with the publish side effects.
 * `announce: false` skips the new-event announcement (a program's sessions are announced to
 * their participants by the RSVP, not to the whole org one email per session).
 */
export async function insertEvent(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  fields: CheckedEventFields,
  options: { publish: boolean; announce?: boolean; link?: SessionLink },
): Promise<Id<"events">> {
  const now = Date.now();
  const eventId = await ctx.db.insert("events", {
    orgId,
    ...fields,
    ...options.link,
    ...(options.publish ? { status: "published" as const, publishedAt: now } : { status: "draft" as const }),
    goingCount: 0,
    maybeCount: 0,
    waitlistCount: 0,
    waitlistSeq: 0,
    sequence: 0,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  });
  await onEventWritten(ctx, null, (await ctx.db.get("events", eventId))!);
  if (options.publish) await onEventPublished(ctx, eventId, { announce: options.announce ?? true });
  return eventId;
}

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
 * Saves checked fields onto an event (full replace). When a published event's time or place
 * changes, an `eventChanges` row records old and new values and attendees are told in this
 * transaction; reminders are re-armed; a raised capacity promotes from the waitlist.
 */
export async function applyEventUpdate(
  ctx: MutationCtx,
  event: Doc<"events">,
  userId: Id<"users">,
  fields: CheckedEventFields,
): Promise<void> {
  const eventId = event._id;
  const now = Date.now();
  const patch: Partial<Doc<"events">> = { ...fields, updatedAt: now };
  const changes =
    event.status !== "published"
      ? []
      : TIME_PLACE.flatMap(({ field, key }) => {
          const before = field === "venue" ? event.location : event[key as keyof Doc<"events">];
          const after = fields[key];
          return before === after
            ? []
            : [
                {
                  field,
                  old: (before ?? null) as string | number | null,
                  new: (after ?? null) as string | number | null,
                },
              ];
        });
  if (changes.length > 0) {
    // The admin's history; attendees are told by the hook below, in this transaction.
    await ctx.db.insert("eventChanges", {
      eventId,
      orgId: event.orgId,
      kind: "updated",
      changedAt: now,
      changedBy: userId,
      changes,
    });
  }
  if (event.status === "published") patch.sequence = event.sequence + 1;
  await ctx.db.patch("events", eventId, patch);
  await onEventWritten(ctx, event, { ...event, ...patch });
  if (event.status === "published") {
    const updated = (await ctx.db.get("events", eventId))!;
    // New times re-arm the reminder jobs; new offsets alone only reschedule them.
    if (changes.length > 0) await onEventTimeChanged(ctx, updated, changes);
    else await rescheduleEventReminders(ctx, updated);
    await promoteAndPatch(ctx, updated, now);
  }
}

export async function promoteAndPatch(ctx: MutationCtx, event: Doc<"events">, now: number) {
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
