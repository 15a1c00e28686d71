// What the events mutations call, inside their own transactions, when an event's life changes.
// Each helper only schedules work (reminder jobs, fan-outs), so it adds a handful of reads and
// writes to the caller's transaction however many members or attendees there are.
//
//   publish            → onEventPublished(ctx, event)
//   edit time/place    → onEventTimeChanged(ctx, event, changes)     (event = the updated doc)
//   edit notifyBefore  → rescheduleEventReminders(ctx, event)
//   cancel             → onEventCancelled(ctx, event, reason)
//   waitlist promotion → onWaitlistPromoted(ctx, eventId, userId)
// Publish, time changes and cancellation also (re)schedule or cancel the post-event
// "did you attend?" prompt (convex/attendance/prompts.ts).
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { cancelPromptJob, schedulePromptJob } from "../attendance/prompts";
import { cancelReminderJobs, scheduleReminderJobs } from "./reminders";

export type EventChange = { field: string; old: string | number | null; new: string | number | null };

type EventArg = Doc<"events"> | Id<"events">;

async function resolve(ctx: MutationCtx, event: EventArg): Promise<Doc<"events"> | null> {
  return typeof event === "string" ? await ctx.db.get("events", event) : event;
}

/**
 * Schedules the reminder jobs (one per notifyBefore offset still in the future) and starts the
 * "announce at once" fan-out; "digest" members get the event in the weekly digest instead.
 */
export async function onEventPublished(
  ctx: MutationCtx,
  eventArg: EventArg,
  options: { announce: boolean } = { announce: true },
): Promise<void> {
  const event = await resolve(ctx, eventArg);
  if (event === null || event.status !== "published") return;
  await scheduleReminderJobs(ctx, event);
  await schedulePromptJob(ctx, event);
  if (options.announce && event.startTime > Date.now()) {
    await ctx.scheduler.runAfter(0, internal.notifications.fanout.announceEventPage, {
      eventId: event._id,
      cursor: null,
    });
  }
}

/** Reminder offsets changed (notifyBefore edited): replace the jobs, tell nobody. */
export async function rescheduleEventReminders(ctx: MutationCtx, eventArg: EventArg): Promise<void> {
  const event = await resolve(ctx, eventArg);
  if (event === null) return;
  await scheduleReminderJobs(ctx, event); // cancels first; schedules nothing unless published
}

/**
 * The time or place of a published event changed: reschedule its reminders for the new start
 * and tell everyone who RSVP'd going, maybe or waitlisted. Pass the updated event document and
 * the changed fields (the eventChanges.changes shape: { field, old, new }).
 */
export async function onEventTimeChanged(ctx: MutationCtx, eventArg: EventArg, changes: EventChange[]): Promise<void> {
  const event = await resolve(ctx, eventArg);
  if (event === null || event.status !== "published") return;
  await scheduleReminderJobs(ctx, event);
  await schedulePromptJob(ctx, event); // moves it when the end moved
  if (changes.length === 0) return;
  await ctx.scheduler.runAfter(0, internal.notifications.fanout.notifyAttendeesPage, {
    eventId: event._id,
    kind: "event_changed",
    stamp: Date.now(),
    changes: changes.map((c) => ({ field: c.field, old: c.old, new: c.new })),
    phase: "going",
    cursor: null,
  });
}

/** Cancels the reminder jobs and tells everyone who RSVP'd. */
export async function onEventCancelled(ctx: MutationCtx, eventArg: EventArg, reason?: string): Promise<void> {
  const event = await resolve(ctx, eventArg);
  if (event === null) return;
  await cancelReminderJobs(ctx, event._id);
  await cancelPromptJob(ctx, event);
  await ctx.scheduler.runAfter(0, internal.notifications.fanout.notifyAttendeesPage, {
    eventId: event._id,
    kind: "event_cancelled",
    stamp: Date.now(),
    reason: reason === undefined || reason.trim() === "" ? undefined : reason,
    phase: "going",
    cursor: null,
  });
}

/** Tells the member they were moved from the waitlist to going (email + inbox). */
export async function onWaitlistPromoted(ctx: MutationCtx, eventId: Id<"events">, userId: Id<"users">): Promise<void> {
  await ctx.scheduler.runAfter(0, internal.notifications.fanout.notifyWaitlistPromoted, {
    eventId,
    userId,
    stamp: Date.now(),
  });
}
