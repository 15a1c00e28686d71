// Community stats for an org's admins, every figure from maintained counters: the per-day
// crmDailyStats rows (joins, leaves, last attendances) of the range, each event's counters
// (RSVPs, attendance, feedback, new vs returning attendees) for the events in the range, the
// org's memberCount and the engagement level counts. Reads at most 366 day rows and
// STATS_MAX_EVENTS events, whatever the member count.
import { v } from "convex/values";
import { orgAdminQuery } from "../lib/functions";
import { STATS_MAX_EVENTS } from "../lib/vocabulary";
import { EMPTY_LEVEL_COUNTS, getOrgStats } from "../engagement/store";
import { DAY_MS, dayOf, readDays } from "./statsCounters";

const rangeValidator = v.union(v.literal(30), v.literal(90), v.literal(365));
const WEEK_MS = 7 * DAY_MS;
/** Active windows shown beside every range. */
const ACTIVE_WINDOWS = [30, 90] as const;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export const communityStatsValidator = v.object({
  range: rangeValidator,
  from: v.number(),
  to: v.number(),
  members: v.number(),
  joins: v.number(),
  leaves: v.number(),
  active30: v.number(),
  active90: v.number(),
  events: v.number(),
  eventsTruncated: v.boolean(),
  going: v.number(),
  attended: v.number(),
  noShows: v.number(),
  /** Attendees who had RSVP'd, over RSVPs going, for past events in the range. */
  conversion: v.union(v.number(), v.null()),
  noShowRate: v.union(v.number(), v.null()),
  averageRating: v.union(v.number(), v.null()),
  ratings: v.number(),
  levels: v.object({
    highly_engaged: v.number(),
    engaged: v.number(),
    moderately_engaged: v.number(),
    low_engagement: v.number(),
    inactive: v.number(),
  }),
  weeks: v.array(v.object({ weekStart: v.number(), joins: v.number(), leaves: v.number(), members: v.number() })),
  months: v.array(v.object({ month: v.string(), events: v.number() })),
  perEvent: v.array(
    v.object({
      eventId: v.id("events"),
      title: v.string(),
      startTime: v.number(),
      going: v.number(),
      attended: v.number(),
      noShows: v.number(),
      newAttendees: v.number(),
      returningAttendees: v.number(),
      averageRating: v.union(v.number(), v.null()),
    }),
  ),
});

/** The org's community stats over the last 30, 90 or 365 days. */
export const communityStats = orgAdminQuery({
  args: { range: rangeValidator },
  returns: communityStatsValidator,
  handler: async (ctx, { range }) => {
    const orgId = ctx.org._id;
    const now = Date.now();
    const today = dayOf(now);
    const from = today - (range - 1) * DAY_MS;
    const span = Math.max(range, ...ACTIVE_WINDOWS);
    const days = await readDays(ctx, orgId, today - (span - 1) * DAY_MS, span);

    const sumSince = (since: number, pick: (d: (typeof days)[number]) => number) =>
      days.filter((d) => d.day >= since).reduce((sum, d) => sum + pick(d), 0);
    const active = (window: number) => sumSince(today - (window - 1) * DAY_MS, (d) => d.lastSeen);

    // Weeks end on today; the member count at each week's end is worked back from today's.
    const weekCount = Math.ceil(range / 7);
    const weeks = [];
    let members = ctx.org.memberCount;
    for (let i = 0; i < weekCount; i++) {
      const weekEnd = today + DAY_MS - i * WEEK_MS;
      const weekStart = weekEnd - WEEK_MS;
      const inWeek = days.filter((d) => d.day >= weekStart && d.day < weekEnd);
      const joins = inWeek.reduce((s, d) => s + d.joins, 0);
      const leaves = inWeek.reduce((s, d) => s + d.leaves, 0);
      weeks.push({ weekStart, joins, leaves, members });
      members = Math.max(0, members - joins + leaves);
    }
    weeks.reverse();

    const events = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) => q.eq("orgId", orgId).gte("startTime", from).lte("startTime", now))
      .order("desc")
      .take(STATS_MAX_EVENTS + 1);
    const held = events.slice(0, STATS_MAX_EVENTS).filter((e) => e.status === "published");
    held.reverse();

    const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
    const months = new Map<string, number>();
    for (let t = from; t <= now; t += DAY_MS) months.set(monthKey(t), 0);
    months.set(monthKey(now), months.get(monthKey(now)) ?? 0);
    let going = 0;
    let attendedFromRsvp = 0;
    let attended = 0;
    let noShows = 0;
    let ratingSum = 0;
    let ratings = 0;
    const perEvent = held.map((e) => {
      const s = e.attendanceStats;
      months.set(monthKey(e.startTime), (months.get(monthKey(e.startTime)) ?? 0) + 1);
      const eventAttended = s?.attended ?? 0;
      going += e.goingCount;
      attended += eventAttended;
      attendedFromRsvp += Math.min(e.goingCount, Math.max(0, eventAttended - (s?.walkIns ?? 0)));
      noShows += s?.noShows ?? 0;
      ratingSum += s?.ratingSum ?? 0;
      ratings += s?.feedbackCount ?? 0;
      return {
        eventId: e._id,
        title: e.title,
        startTime: e.startTime,
        going: e.goingCount,
        attended: eventAttended,
        noShows: s?.noShows ?? 0,
        newAttendees: e.attendeeMix?.new ?? 0,
        returningAttendees: e.attendeeMix?.returning ?? 0,
        averageRating: ratio(s?.ratingSum ?? 0, s?.feedbackCount ?? 0),
      };
    });

    const orgStats = await getOrgStats(ctx, orgId);
    return {
      range,
      from,
      to: now,
      members: ctx.org.memberCount,
      joins: sumSince(from, (d) => d.joins),
      leaves: sumSince(from, (d) => d.leaves),
      active30: active(30),
      active90: active(90),
      events: held.length,
      eventsTruncated: events.length > STATS_MAX_EVENTS,
      going,
      attended,
      noShows,
      conversion: ratio(attendedFromRsvp, going),
      noShowRate: ratio(noShows, going),
      averageRating: ratio(ratingSum, ratings),
      ratings,
      levels: orgStats?.levelCounts ?? EMPTY_LEVEL_COUNTS,
      weeks,
      months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, events: n })),
      perEvent,
    };
  },
});
