// The weekly digest (crons.ts: Mondays 08:00 UTC): members whose announcements setting is
// "digest" (the default) and whose weekly digest is on get one email listing the coming week's
// published events from their orgs. Profiles are read a page per mutation, each page scheduling
// the next, so the run never reads every profile in one transaction.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { digestEmail, type EventInfo } from "../emails/templates";
import { eventUrl, sendNotice } from "./deliver";
import { announcementMode, loadRecipient } from "./preferences";

export const DIGEST_PAGE_SIZE = 25;
/** Bounds per member: orgs looked at, events per org, events listed. */
export const DIGEST_MAX_ORGS = 20;
export const DIGEST_EVENTS_PER_ORG = 10;
export const DIGEST_MAX_EVENTS = 30;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const sendWeeklyDigest = internalMutation({
  args: {
    cursor: v.optional(v.union(v.string(), v.null())),
    /** The run's start; every page uses the same week. */
    weekStart: v.optional(v.number()),
  },
  returns: v.object({ examined: v.number(), sent: v.number(), done: v.boolean() }),
  handler: async (ctx, args) => {
    const weekStart = args.weekStart ?? Date.now();
    const page = await ctx.db.query("profiles").paginate({ numItems: DIGEST_PAGE_SIZE, cursor: args.cursor ?? null });
    let sent = 0;
    for (const profile of page.page) {
      if (await sendDigestTo(ctx, profile, weekStart)) sent += 1;
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.notifications.digest.sendWeeklyDigest, {
        cursor: page.continueCursor,
        weekStart,
      });
    }
    return { examined: page.page.length, sent, done: page.isDone };
  },
});

async function sendDigestTo(ctx: MutationCtx, profile: Doc<"profiles">, weekStart: number): Promise<boolean> {
  // Cheap checks before reading anything else.
  if (!profile.notificationPreferences.weeklyDigest.enabled) return false;
  if (profile.notificationPreferences.orgAnnouncements?.enabled === false) return false;
  const r = await loadRecipient(ctx, profile.userId);
  if (r === null || r.settings.announcements !== "digest") return false;
  const memberships = await ctx.db
    .query("orgMemberships")
    .withIndex("by_user", (q) => q.eq("userId", profile.userId))
    .take(DIGEST_MAX_ORGS);
  const events: (EventInfo & { eventUrl: string })[] = [];
  for (const m of memberships) {
    if (r.settings.mutedOrgIds.includes(m.orgId)) continue;
    const upcoming = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) =>
        q
          .eq("orgId", m.orgId)
          .gt("startTime", weekStart)
          .lt("startTime", weekStart + WEEK_MS),
      )
      .take(DIGEST_EVENTS_PER_ORG);
    const listed = upcoming.filter(
      (e) => e.status === "published" && announcementMode(r, e.orgId, e.eventType) === "digest",
    );
    if (listed.length === 0) continue;
    const org = await ctx.db.get("organizations", m.orgId);
    for (const e of listed) {
      events.push({
        title: e.title,
        orgName: org?.name ?? "Your organization",
        startTime: e.startTime,
        endTime: e.endTime,
        timezone: e.timezone,
        venue: e.location,
        eventUrl: eventUrl(e._id),
      });
    }
  }
  if (events.length === 0) return false;
  events.sort((a, b) => a.startTime - b.startTime);
  const shown = events.slice(0, DIGEST_MAX_EVENTS);
  const week = new Date(weekStart).toISOString().slice(0, 10);
  return await sendNotice(ctx, r, {
    kind: "digest",
    dedupeKey: `digest:${r.userId}:${week}`,
    title: `Your week ahead: ${shown.length} event${shown.length === 1 ? "" : "s"}`,
    body: shown
      .map((e) => e.title)
      .join(" · ")
      .slice(0, 500),
    unsubscribe: "announcements-off",
    render: (links) => digestEmail({ memberName: r.name, memberTimezone: r.timezone, events: shown, links }),
  });
}
