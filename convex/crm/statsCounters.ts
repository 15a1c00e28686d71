// Community-stats counters, maintained in the same transaction as the change they count, so
// stats read at most one row per day of the range (never the members):
// - crmDailyStats per org and UTC day: joins, leaves, and `lastSeen` — how many current members
//   last attended on that day (moved when a member's last attendance moves; "active in the last
//   30 days" is the sum of the last 30 days' lastSeen);
// - events.attendeeMix: attendees new to the org and returning ones, per event (the kind is kept
//   on the attendance row, so undoing an attendance takes back exactly what it added).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

export const DAY_MS = 86_400_000;

/** UTC midnight of the day holding `at`. */
export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}

type DayDelta = { joins?: number; leaves?: number; lastSeen?: number };

export async function bumpDay(ctx: MutationCtx, orgId: Id<"organizations">, at: number, delta: DayDelta) {
  const day = dayOf(at);
  const row = await ctx.db
    .query("crmDailyStats")
    .withIndex("by_org_day", (q) => q.eq("orgId", orgId).eq("day", day))
    .unique();
  const next = {
    joins: Math.max(0, (row?.joins ?? 0) + (delta.joins ?? 0)),
    leaves: Math.max(0, (row?.leaves ?? 0) + (delta.leaves ?? 0)),
    lastSeen: Math.max(0, (row?.lastSeen ?? 0) + (delta.lastSeen ?? 0)),
  };
  if (row === null) await ctx.db.insert("crmDailyStats", { orgId, day, ...next });
  else await ctx.db.patch("crmDailyStats", row._id, next);
}

/** A member's last attendance moved from `before` to `after` (either may be absent). */
export async function moveLastSeen(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  before: number | undefined,
  after: number | undefined,
) {
  if (before !== undefined && after !== undefined && dayOf(before) === dayOf(after)) return;
  if (before !== undefined) await bumpDay(ctx, orgId, before, { lastSeen: -1 });
  if (after !== undefined) await bumpDay(ctx, orgId, after, { lastSeen: +1 });
}

type Row = Doc<"eventAttendance">;

/**
 * Counts an attendance in the event's new/returning mix when a row becomes "attended" (new when
 * the member had attended nothing in the org before), and takes it back when it stops being so.
 * Called before the membership's counters move. Patches `event` in place for later callers.
 */
export async function updateAttendeeMix(
  ctx: MutationCtx,
  event: Doc<"events">,
  membership: Doc<"orgMemberships"> | null,
  before: Row | null,
  after: Row,
) {
  const was = before?.state === "attended";
  const is = after.state === "attended";
  const mix = { ...(event.attendeeMix ?? { new: 0, returning: 0 }) };
  if (!was && is && membership !== null && after.attendeeKind === undefined) {
    const s = membership.attendanceStats;
    const kind = (s?.attendedVerified ?? 0) + (s?.attendedSelfReported ?? 0) === 0 ? "new" : "returning";
    mix[kind] += 1;
    await ctx.db.patch("eventAttendance", after._id, { attendeeKind: kind });
    after.attendeeKind = kind;
  } else if (was && !is && after.attendeeKind !== undefined) {
    mix[after.attendeeKind] = Math.max(0, mix[after.attendeeKind] - 1);
    await ctx.db.patch("eventAttendance", after._id, { attendeeKind: undefined });
    after.attendeeKind = undefined;
  } else {
    return;
  }
  await ctx.db.patch("events", event._id, { attendeeMix: mix });
  event.attendeeMix = mix;
}

/** The daily rows of one org from `fromDay` on (at most one per day). */
export async function readDays(ctx: QueryCtx, orgId: Id<"organizations">, fromDay: number, days: number) {
  return await ctx.db
    .query("crmDailyStats")
    .withIndex("by_org_day", (q) => q.eq("orgId", orgId).gte("day", fromDay))
    .take(days + 1);
}
