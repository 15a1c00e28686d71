// Rebuilds an org's community-stats counters from the rows they count, for data written before
// the counters existed (the demo world of an older deployment). Runs in steps that schedule the
// next one, each bounded: day rows cleared, then members (joins, last attendances), then events
// oldest first (each attendee new or returning, from their earlier attendance rows).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { bumpDay } from "./statsCounters";

const STEP = 200;
const EVENTS_PER_STEP = 10;
const EARLIER_ROWS = 100;

const phaseValidator = v.union(v.literal("clear"), v.literal("members"), v.literal("events"));

export const backfillOrg = internalMutation({
  args: { orgId: v.id("organizations"), phase: phaseValidator, cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { orgId, phase, cursor }) => {
    const next = (p: typeof phase, c: string | null) =>
      ctx.scheduler.runAfter(0, internal.crm.statsBackfill.backfillOrg, { orgId, phase: p, cursor: c });
    if (phase === "clear") {
      const rows = await ctx.db
        .query("crmDailyStats")
        .withIndex("by_org_day", (q) => q.eq("orgId", orgId))
        .take(STEP);
      for (const row of rows) await ctx.db.delete("crmDailyStats", row._id);
      await (rows.length === STEP ? next("clear", null) : next("members", null));
      return null;
    }
    if (phase === "members") {
      const page = await ctx.db
        .query("orgMemberships")
        .withIndex("by_org", (q) => q.eq("orgId", orgId))
        .paginate({ numItems: STEP, cursor });
      for (const m of page.page) {
        await bumpDay(ctx, orgId, m.joinedAt, { joins: 1 });
        const last = m.attendanceStats?.lastAttendedAt;
        if (last !== undefined) await bumpDay(ctx, orgId, last, { lastSeen: 1 });
      }
      await (page.isDone ? next("events", null) : next("members", page.continueCursor));
      return null;
    }
    const page = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) => q.eq("orgId", orgId))
      .paginate({ numItems: EVENTS_PER_STEP, cursor });
    for (const event of page.page) await mixOfEvent(ctx, orgId, event._id);
    if (!page.isDone) await next("events", page.continueCursor);
    return null;
  },
});

async function mixOfEvent(ctx: MutationCtx, orgId: Id<"organizations">, eventId: Id<"events">) {
  const event = (await ctx.db.get("events", eventId))!;
  const mix = { new: 0, returning: 0 };
  const rows = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_state", (q) => q.eq("eventId", eventId).eq("state", "attended"))
    .take(5000);
  for (const row of rows) {
    const earlier = await ctx.db
      .query("eventAttendance")
      .withIndex("by_user_history", (q) => q.eq("userId", row.userId).lt("historyAt", event.endTime))
      .take(EARLIER_ROWS);
    let returning = false;
    for (const other of earlier) {
      if (other.state !== "attended" || other._id === row._id) continue;
      const otherEvent = await ctx.db.get("events", other.eventId);
      if (otherEvent?.orgId === orgId) {
        returning = true;
        break;
      }
    }
    const kind = returning ? "returning" : "new";
    mix[kind] += 1;
    if (row.attendeeKind !== kind) await ctx.db.patch("eventAttendance", row._id, { attendeeKind: kind });
  }
  await ctx.db.patch("events", eventId, { attendeeMix: mix });
}

/** Starts a rebuild for every org that has members but no counters yet (a one-off over the orgs). */
export const backfillMissing = internalMutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    let started = 0;
    for await (const org of ctx.db.query("organizations")) {
      const any = await ctx.db
        .query("crmDailyStats")
        .withIndex("by_org_day", (q) => q.eq("orgId", org._id))
        .first();
      if (any !== null || org.memberCount === 0) continue;
      await ctx.scheduler.runAfter(0, internal.crm.statsBackfill.backfillOrg, {
        orgId: org._id,
        phase: "clear",
        cursor: null,
      });
      if (++started >= 500) break;
    }
    return started;
  },
});
