// The org's count of past events (published and over), a maintained counter on
// engagementOrgStats: `totalOrgEvents` counts the published events whose end is at or before
// `pastEventsThrough`. Two things keep it true:
// - every write that changes an event's status or end (create, publish, edit, cancel, delete)
//   calls onEventWritten, which adds or removes that one event if it sits behind the mark;
// - time moves events past their end without a write, so a run first advances the mark to its
//   start, reading only the events that ended since the last run (by_org_end, a page per
//   transaction). An org never counted (mark absent) starts from zero: its first run is the
//   backfill, and the demo seed runs the same advance.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { ENGAGEMENT_LIMITS } from "../lib/vocabulary";
import { ensureOrgStats } from "./store";

/** Events read per advance (one transaction). */
export const EVENTS_PER_ADVANCE = 500;
/** At most this many of the latest ended events are looked at to find the last 10 published. */
const RECENT_LOOKBACK = 200;

type EventState = Pick<Doc<"events">, "orgId" | "status" | "endTime">;

function counted(event: EventState | null, through: number): boolean {
  return event !== null && event.status === "published" && event.endTime <= through;
}

/** Keeps the counter true after one event's write (`before`/`after` null: created/deleted). */
export async function onEventWritten(ctx: MutationCtx, before: EventState | null, after: EventState | null) {
  const orgId = (after ?? before)?.orgId;
  if (orgId === undefined) return;
  const stats = await ctx.db
    .query("engagementOrgStats")
    .withIndex("by_org", (q) => q.eq("orgId", orgId))
    .unique();
  // Not counted yet: the first advance will count everything.
  if (stats === null || stats.pastEventsThrough === undefined) return;
  const delta = Number(counted(after, stats.pastEventsThrough)) - Number(counted(before, stats.pastEventsThrough));
  if (delta !== 0) {
    await ctx.db.patch("engagementOrgStats", stats._id, {
      totalOrgEvents: Math.max(0, (stats.totalOrgEvents ?? 0) + delta),
    });
  }
}

/**
 * Moves the mark towards `now` by one page of events that ended since it; true once it is at
 * `now`. Exact after every page: a page stops before the end time it cut through.
 */
export async function advancePastEvents(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  now: number,
  pageSize: number = EVENTS_PER_ADVANCE,
) {
  const stats = await ensureOrgStats(ctx, orgId, now);
  const fresh = stats.pastEventsThrough === undefined;
  const through = stats.pastEventsThrough ?? -1;
  if (through >= now) return { done: true, totalOrgEvents: stats.totalOrgEvents ?? 0 };
  const page = await ctx.db
    .query("events")
    .withIndex("by_org_end", (q) => q.eq("orgId", orgId).gt("endTime", through).lte("endTime", now))
    .take(pageSize + 1);
  let upTo = now;
  let taken = page;
  if (page.length > pageSize) {
    const boundary = page[pageSize]!.endTime;
    taken = page.filter((e) => e.endTime < boundary);
    if (taken.length > 0) {
      upTo = boundary - 1;
    } else {
      // Hundreds of events ending in the same millisecond: count that millisecond whole.
      taken = await ctx.db
        .query("events")
        .withIndex("by_org_end", (q) => q.eq("orgId", orgId).eq("endTime", boundary))
        .take(4 * pageSize);
      upTo = boundary;
    }
  }
  const added = taken.filter((e) => e.status === "published").length;
  const totalOrgEvents = (fresh ? 0 : (stats.totalOrgEvents ?? 0)) + added;
  await ctx.db.patch("engagementOrgStats", stats._id, { totalOrgEvents, pastEventsThrough: upTo });
  return { done: upTo >= now, totalOrgEvents };
}

/** The org's last (up to) 10 past events, newest first (a bounded read of the latest ends). */
export async function recentPastEvents(ctx: QueryCtx, orgId: Id<"organizations">, now: number) {
  const latest = await ctx.db
    .query("events")
    .withIndex("by_org_end", (q) => q.eq("orgId", orgId).lte("endTime", now))
    .order("desc")
    .take(RECENT_LOOKBACK);
  return latest
    .filter((e) => e.status === "published")
    .slice(0, ENGAGEMENT_LIMITS.recentEvents)
    .map((e) => e._id);
}
