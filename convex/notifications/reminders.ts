// Event reminders at the exact time, with an hourly backstop.
//
// - Publishing schedules one job per offset of `events.notifyBefore` at startTime − offset
//   (eventReminderJobs keeps their ids); a time change replaces them, a cancellation cancels them.
// - A job fans out over the event's RSVPs (going, then maybe) one page per mutation, scheduling
//   the next page, so any number of attendees stays inside Convex's per-transaction limits.
// - Each (event, member, offset, start time) is sent at most once: the key is claimed in
//   notificationDedupe in the same transaction as the inbox row and the email.
// - The hourly cron reads only published events starting inside the reminder window and starts a
//   pass for every offset that is due and not yet complete; dedupe makes a second pass harmless.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { formatEventTime, reminderEmail } from "../emails/templates";
import { sendNotice, toEventInfo } from "./deliver";
import { loadRecipient, MAX_REMINDER_OFFSET, wantsReminder } from "./preferences";

/** Attendees handled per mutation (each: ~6 reads, ~4 writes plus the email component's). */
export const REMINDER_PAGE_SIZE = 100;
/** Events examined per cron mutation. */
export const SWEEP_PAGE_SIZE = 200;
/** A reminder later than this after its due time is not sent (the next one will be). */
export const MAX_LATENESS_MS = 2 * 60 * 60 * 1000;
/** Scheduled jobs may start a little early; allow for clock skew. */
const EARLY_TOLERANCE_MS = 60 * 1000;
/** The cron looks at events starting up to this far ahead. */
export const SWEEP_WINDOW_MS = MAX_REMINDER_OFFSET * 60_000 + 60 * 60 * 1000;

const MINUTE = 60_000;

export function reminderDedupeKey(
  eventId: Id<"events">,
  userId: Id<"users">,
  offsetMinutes: number,
  startTime: number,
) {
  // The start time is part of the key: after an event moves, its reminders are new reminders.
  return `reminder:${eventId}:${userId}:${offsetMinutes}:${startTime}`;
}

function eventOffsets(event: Doc<"events">): number[] {
  return [...new Set(event.notifyBefore ?? [])].filter((m) => Number.isInteger(m) && m > 0);
}

/** Whether the reminder `offsetMinutes` of `event` should go out at `now`. */
export function isReminderDue(event: Doc<"events">, offsetMinutes: number, now: number): boolean {
  if (event.status !== "published" || !eventOffsets(event).includes(offsetMinutes)) return false;
  const dueAt = event.startTime - offsetMinutes * MINUTE;
  return now >= dueAt - EARLY_TOLERANCE_MS && now < event.startTime && now - dueAt <= MAX_LATENESS_MS;
}

/** Cancels the event's pending reminder jobs and forgets them. */
export async function cancelReminderJobs(ctx: MutationCtx, eventId: Id<"events">): Promise<void> {
  // An event has at most 10 offsets (events validation); take a safe margin.
  const rows = await ctx.db
    .query("eventReminderJobs")
    .withIndex("by_event_offset", (q) => q.eq("eventId", eventId))
    .take(50);
  for (const row of rows) {
    const job = row.jobId === undefined ? null : await ctx.db.system.get("_scheduled_functions", row.jobId);
    if (job !== null && job.state.kind === "pending") await ctx.scheduler.cancel(job._id);
    await ctx.db.delete("eventReminderJobs", row._id);
  }
}

/** (Re)schedules one job per future reminder offset of a published event. */
export async function scheduleReminderJobs(ctx: MutationCtx, event: Doc<"events">): Promise<void> {
  await cancelReminderJobs(ctx, event._id);
  if (event.status !== "published") return;
  const now = Date.now();
  for (const offsetMinutes of eventOffsets(event)) {
    const runAt = event.startTime - offsetMinutes * MINUTE;
    if (runAt <= now) continue; // in the past: the hourly sweep sends it if still useful
    const jobId = await ctx.scheduler.runAt(runAt, internal.notifications.reminders.sendRemindersForEvent, {
      eventId: event._id,
      offsetMinutes,
      startTime: event.startTime,
    });
    await ctx.db.insert("eventReminderJobs", {
      eventId: event._id,
      offsetMinutes,
      jobId,
      runAt,
      startTime: event.startTime,
    });
  }
}

const phaseValidator = v.union(v.literal("going"), v.literal("maybe"));

/**
 * One page of reminders for (event, offset); schedules the next page. Recipients: RSVP going
 * or maybe, reminders on, this offset chosen, the org not muted — read now, not at scheduling.
 */
export const sendRemindersForEvent = internalMutation({
  args: {
    eventId: v.id("events"),
    offsetMinutes: v.number(),
    /** The start time the pass is for; a pass for an older time stops. */
    startTime: v.optional(v.number()),
    phase: v.optional(phaseValidator),
    cursor: v.optional(v.union(v.string(), v.null())),
  },
  returns: v.object({ sent: v.number(), done: v.boolean() }),
  handler: async (ctx, args) => {
    const event = await ctx.db.get("events", args.eventId);
    if (event === null || event.status !== "published") return { sent: 0, done: true };
    if (args.startTime !== undefined && args.startTime !== event.startTime) return { sent: 0, done: true };
    const now = Date.now();
    const firstPage = (args.cursor ?? null) === null && (args.phase ?? "going") === "going";
    if (firstPage && !isReminderDue(event, args.offsetMinutes, now)) return { sent: 0, done: true };
    if (now >= event.startTime) return { sent: 0, done: true };

    const phase = args.phase ?? "going";
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", phase))
      .paginate({ numItems: REMINDER_PAGE_SIZE, cursor: args.cursor ?? null });
    const org = await ctx.db.get("organizations", event.orgId);
    let sent = 0;
    for (const rsvp of page.page) {
      if (await sendReminderTo(ctx, event, org, rsvp.userId, args.offsetMinutes, phase === "going")) sent += 1;
    }

    const next = { eventId: event._id, offsetMinutes: args.offsetMinutes, startTime: event.startTime };
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.notifications.reminders.sendRemindersForEvent, {
        ...next,
        phase,
        cursor: page.continueCursor,
      });
      return { sent, done: false };
    }
    if (phase === "going") {
      await ctx.scheduler.runAfter(0, internal.notifications.reminders.sendRemindersForEvent, {
        ...next,
        phase: "maybe",
        cursor: null,
      });
      return { sent, done: false };
    }
    // The pass is complete: the sweep can skip this offset from now on.
    const job = await ctx.db
      .query("eventReminderJobs")
      .withIndex("by_event_offset", (q) => q.eq("eventId", event._id).eq("offsetMinutes", args.offsetMinutes))
      .first();
    if (job === null) {
      // No job (published after its time; the sweep started this pass): remember completion.
      await ctx.db.insert("eventReminderJobs", {
        eventId: event._id,
        offsetMinutes: args.offsetMinutes,
        runAt: now,
        startTime: event.startTime,
        completedAt: now,
      });
    } else if (job.startTime === event.startTime) {
      await ctx.db.patch("eventReminderJobs", job._id, { completedAt: now });
    }
    return { sent, done: true };
  },
});

async function sendReminderTo(
  ctx: MutationCtx,
  event: Doc<"events">,
  org: Doc<"organizations"> | null,
  userId: Id<"users">,
  offsetMinutes: number,
  going: boolean,
): Promise<boolean> {
  const recipient = await loadRecipient(ctx, userId);
  if (recipient === null || !wantsReminder(recipient, event.orgId, offsetMinutes)) return false;
  const info = toEventInfo(event, org, going);
  return await sendNotice(ctx, recipient, {
    kind: "reminder",
    dedupeKey: reminderDedupeKey(event._id, userId, offsetMinutes, event.startTime),
    title: `Reminder: ${event.title}`,
    body: `${org?.name ?? "Your organization"} · ${formatEventTime(event.startTime, event.timezone, recipient.timezone)}`,
    eventId: event._id,
    orgId: event.orgId,
    unsubscribe: "reminders-off",
    render: (links) =>
      reminderEmail({
        memberName: recipient.name,
        memberTimezone: recipient.timezone,
        event: info,
        now: Date.now(),
        links,
      }),
  });
}

/**
 * The hourly backstop (crons.ts, minute 30). Reads only published events starting in
 * (now, now + 1 week + 1 h] through events.by_status_start, a page at a time, and starts a pass
 * for every due offset whose pass has not completed. Sends nothing itself.
 */
export const sweepDueReminders = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())), now: v.optional(v.number()) },
  returns: v.object({ examined: v.number(), started: v.number() }),
  handler: async (ctx, args) => {
    const now = args.now ?? Date.now();
    const page = await ctx.db
      .query("events")
      .withIndex("by_status_start", (q) =>
        q
          .eq("status", "published")
          .gt("startTime", now)
          .lte("startTime", now + SWEEP_WINDOW_MS),
      )
      .paginate({ numItems: SWEEP_PAGE_SIZE, cursor: args.cursor ?? null });
    let started = 0;
    for (const event of page.page) {
      for (const offsetMinutes of eventOffsets(event)) {
        if (!isReminderDue(event, offsetMinutes, Date.now())) continue;
        const job = await ctx.db
          .query("eventReminderJobs")
          .withIndex("by_event_offset", (q) => q.eq("eventId", event._id).eq("offsetMinutes", offsetMinutes))
          .first();
        if (job?.completedAt !== undefined && job.startTime === event.startTime) continue;
        await ctx.scheduler.runAfter(0, internal.notifications.reminders.sendRemindersForEvent, {
          eventId: event._id,
          offsetMinutes,
          startTime: event.startTime,
        });
        started += 1;
      }
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.notifications.reminders.sweepDueReminders, {
        cursor: page.continueCursor,
        now,
      });
    }
    return { examined: page.page.length, started };
  },
});
