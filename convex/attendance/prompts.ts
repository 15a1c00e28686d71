// The post-event "Did you make it?" prompt, by email and in the app.
//
// - Publishing schedules one job at the event's end + 2 h (events.attendancePrompt keeps its id);
//   a time change moves it, a cancellation cancels it (convex/notifications/hooks.ts).
// - The job pages over the RSVPs (going, then maybe) one mutation per page, scheduling the next,
//   so 2,000 attendees stay inside Convex's per-transaction limits. Each member without a
//   check-in or an admin's mark, who has not answered and still belongs to the org, gets the
//   email (signed one-tap "yes" / "no" links), an inbox entry and the dashboard card, if their
//   "After-event check-ins" preference (read now) is on.
// - "Ask me later" schedules one more prompt a day later; at most 2 per member per event. Each
//   prompt n is sent once: its key attendance_prompt:<event>:<user>:<n> is claimed in
//   notificationDedupe in the same transaction as the email, so the job, the cron and retries
//   may race freely.
// - The hourly cron is a backstop: it reads only published events whose prompt fell due in the
//   last day (events.by_status_start, an index range) and deferred prompts that are due
//   (eventAttendance.by_prompt_due), and starts what has not run.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { attendancePromptEmail } from "../emails/templates";
import { getOrCreateUnsubscribeSecret, signToken } from "../emails/tokens";
import { env } from "../lib/env";
import { ATTENDANCE_LIMITS, EVENT_LIMITS } from "../lib/vocabulary";
import { sendNotice, toEventInfo } from "../notifications/deliver";
import { loadRecipient, type Recipient } from "../notifications/preferences";
import { canAnswerPrompt, getMembershipRow } from "./model";

/** RSVPs handled per mutation (each: ~8 reads, ~6 writes plus the email component's). */
export const PROMPT_PAGE_SIZE = 100;
/** Events examined per sweep mutation. */
export const PROMPT_SWEEP_PAGE_SIZE = 200;
/** Deferred prompts started per sweep mutation. */
export const DEFERRED_SWEEP_BATCH = 100;
/** A first prompt later than this after its due time is not sent by the backstop. */
export const PROMPT_MAX_LATENESS_MS = 24 * 60 * 60 * 1000;
const EARLY_TOLERANCE_MS = 60 * 1000;

export function promptDedupeKey(eventId: Id<"events">, userId: Id<"users">, n: number) {
  return `attendance_prompt:${eventId}:${userId}:${n}`;
}

export function promptDueAt(event: Pick<Doc<"events">, "endTime">) {
  return event.endTime + ATTENDANCE_LIMITS.promptDelayMs;
}

export function wantsAttendancePrompt(r: Recipient, orgId: Id<"organizations">): boolean {
  return r.prefs.attendancePrompts?.enabled !== false && !r.settings.mutedOrgIds.includes(orgId);
}

/** Cancels the event's pending prompt job and forgets it. */
export async function cancelPromptJob(ctx: MutationCtx, event: Doc<"events">): Promise<void> {
  const jobId = event.attendancePrompt?.jobId;
  if (jobId !== undefined) {
    const job = await ctx.db.system.get("_scheduled_functions", jobId);
    if (job !== null && job.state.kind === "pending") await ctx.scheduler.cancel(job._id);
  }
  if (event.attendancePrompt !== undefined) await ctx.db.patch("events", event._id, { attendancePrompt: undefined });
}

/** (Re)schedules the prompt job of a published event for its end + 2 h. */
export async function schedulePromptJob(ctx: MutationCtx, event: Doc<"events">): Promise<void> {
  const current = event.attendancePrompt;
  if (event.status !== "published") return await cancelPromptJob(ctx, event);
  // Unchanged end and already scheduled (or done): nothing to do.
  if (current !== undefined && current.endTime === event.endTime) return;
  await cancelPromptJob(ctx, event);
  const runAt = Math.max(Date.now(), promptDueAt(event));
  const jobId = await ctx.scheduler.runAt(runAt, internal.attendance.prompts.sendPromptsForEvent, {
    eventId: event._id,
    endTime: event.endTime,
  });
  await ctx.db.patch("events", event._id, { attendancePrompt: { jobId, runAt, endTime: event.endTime } });
}

const phaseValidator = v.union(v.literal("going"), v.literal("maybe"));

/** One page of first prompts for an event; schedules the next page. */
export const sendPromptsForEvent = internalMutation({
  args: {
    eventId: v.id("events"),
    /** The end time the pass is for; a pass for an older time stops. */
    endTime: v.number(),
    phase: v.optional(phaseValidator),
    cursor: v.optional(v.union(v.string(), v.null())),
  },
  returns: v.object({ sent: v.number(), done: v.boolean() }),
  handler: async (ctx, args) => {
    const event = await ctx.db.get("events", args.eventId);
    if (event === null || event.status !== "published" || event.endTime !== args.endTime)
      return { sent: 0, done: true };
    const now = Date.now();
    if (now < promptDueAt(event) - EARLY_TOLERANCE_MS) return { sent: 0, done: true };
    if (now > event.endTime + ATTENDANCE_LIMITS.promptAnswerWindowMs) return { sent: 0, done: true };
    const phase = args.phase ?? "going";
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", phase))
      .paginate({ numItems: PROMPT_PAGE_SIZE, cursor: args.cursor ?? null });
    const org = await ctx.db.get("organizations", event.orgId);
    let sent = 0;
    for (const row of page.page) {
      if (await sendPrompt(ctx, event, org, row, 1, now)) sent += 1;
    }
    if (!page.isDone || phase === "going") {
      await ctx.scheduler.runAfter(0, internal.attendance.prompts.sendPromptsForEvent, {
        eventId: event._id,
        endTime: event.endTime,
        phase: page.isDone ? "maybe" : phase,
        cursor: page.isDone ? null : page.continueCursor,
      });
      return { sent, done: false };
    }
    await ctx.db.patch("events", event._id, {
      attendancePrompt: { ...(event.attendancePrompt ?? { runAt: now, endTime: event.endTime }), completedAt: now },
    });
    return { sent, done: true };
  },
});

/** The second prompt after "Ask me later", at its time (or from the backstop). */
export const sendDeferredPrompt = internalMutation({
  args: { eventId: v.id("events"), userId: v.id("users") },
  returns: v.boolean(),
  handler: async (ctx, { eventId, userId }) => {
    const row = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
      .unique();
    const now = Date.now();
    if (row === null || row.promptDueAt === undefined || row.promptDueAt > now + EARLY_TOLERANCE_MS) return false;
    const event = await ctx.db.get("events", eventId);
    const org = event === null ? null : await ctx.db.get("organizations", event.orgId);
    const sent = event !== null && (await sendPrompt(ctx, event, org, row, 2, now));
    // Sent or no longer wanted: either way the backstop need not look at it again.
    const fresh = await ctx.db.get("eventAttendance", row._id);
    if (fresh?.promptDueAt !== undefined) await ctx.db.patch("eventAttendance", row._id, { promptDueAt: undefined });
    return sent;
  },
});

/**
 * Sends prompt `n` (1 or 2) to the member of `row` if it is still wanted, once. Returns whether
 * it was sent now.
 */
async function sendPrompt(
  ctx: MutationCtx,
  event: Doc<"events">,
  org: Doc<"organizations"> | null,
  row: Doc<"eventAttendance">,
  n: number,
  now: number,
): Promise<boolean> {
  if (!canAnswerPrompt(event, row, now)) return false;
  const sentBefore = row.prompt?.sent ?? 0;
  if (sentBefore !== n - 1 || n > ATTENDANCE_LIMITS.maxPrompts) return false;
  if (n === 2 && row.prompt?.deferredAt === undefined) return false;
  // Access follows the current state: someone who left the org is not asked.
  if ((await getMembershipRow(ctx, event.orgId, row.userId)) === null) return false;
  const recipient = await loadRecipient(ctx, row.userId);
  if (recipient === null || !wantsAttendancePrompt(recipient, event.orgId)) return false;
  const expiresAt = event.endTime + ATTENDANCE_LIMITS.promptAnswerWindowMs;
  const info = toEventInfo(event, org, false);
  const sent = await sendNotice(ctx, recipient, {
    kind: "attendance_prompt",
    dedupeKey: promptDedupeKey(event._id, row.userId, n),
    title: `Did you make it to ${event.title}?`,
    body: `${info.orgName} would like to know whether you attended. One tap to answer.`,
    eventId: event._id,
    orgId: event.orgId,
    unsubscribe: "attendance-prompts-off",
    render: (links) =>
      attendancePromptEmail({
        memberName: recipient.name,
        memberTimezone: recipient.timezone,
        event: info,
        yesUrl: links.attendanceYesUrl ?? "",
        noUrl: links.attendanceNoUrl ?? "",
        second: n === 2,
        links,
      }),
    extraLinks: async () => {
      const secret = await getOrCreateUnsubscribeSecret(ctx);
      const yes = await signToken(secret, row.userId, "attendance-yes", expiresAt, event._id);
      const no = await signToken(secret, row.userId, "attendance-no", expiresAt, event._id);
      const base = `${env.siteUrl()}/confirm-attendance?token=`;
      return { attendanceYesUrl: base + encodeURIComponent(yes), attendanceNoUrl: base + encodeURIComponent(no) };
    },
  });
  if (!sent) return false;
  await ctx.db.patch("eventAttendance", row._id, {
    prompt: { ...row.prompt, sent: n, lastSentAt: now },
    promptPendingAt: now,
    promptDueAt: undefined,
  });
  return true;
}

/**
 * The hourly backstop (crons.ts, minute 45). Reads only published events whose first prompt
 * fell due within the last day (their start lies in a window bounded by the longest event),
 * a page at a time, and starts a pass for each whose pass has not completed; then starts the
 * deferred prompts that are due. Sends nothing itself.
 */
export const sweepAttendancePrompts = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())), now: v.optional(v.number()) },
  returns: v.object({ examined: v.number(), started: v.number(), deferred: v.number() }),
  handler: async (ctx, args) => {
    const now = args.now ?? Date.now();
    const newestStart = now - ATTENDANCE_LIMITS.promptDelayMs;
    const oldestStart = newestStart - PROMPT_MAX_LATENESS_MS - EVENT_LIMITS.maxDurationMs;
    const page = await ctx.db
      .query("events")
      .withIndex("by_status_start", (q) =>
        q.eq("status", "published").gt("startTime", oldestStart).lte("startTime", newestStart),
      )
      .paginate({ numItems: PROMPT_SWEEP_PAGE_SIZE, cursor: args.cursor ?? null });
    let started = 0;
    for (const event of page.page) {
      const due = promptDueAt(event);
      if (due > now || now - due > PROMPT_MAX_LATENESS_MS) continue;
      const job = event.attendancePrompt;
      if (job?.completedAt !== undefined && job.endTime === event.endTime) continue;
      await ctx.scheduler.runAfter(0, internal.attendance.prompts.sendPromptsForEvent, {
        eventId: event._id,
        endTime: event.endTime,
      });
      started += 1;
    }
    let deferred = 0;
    if ((args.cursor ?? null) === null) {
      const due = await ctx.db
        .query("eventAttendance")
        .withIndex("by_prompt_due", (q) => q.gt("promptDueAt", 0).lte("promptDueAt", now))
        .take(DEFERRED_SWEEP_BATCH);
      for (const row of due) {
        await ctx.scheduler.runAfter(0, internal.attendance.prompts.sendDeferredPrompt, {
          eventId: row.eventId,
          userId: row.userId,
        });
        deferred += 1;
      }
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.attendance.prompts.sweepAttendancePrompts, {
        cursor: page.continueCursor,
        now,
      });
    }
    return { examined: page.page.length, started, deferred };
  },
});
