// Rebuilds an org's community-stats counters from the rows they count, for data written before
// the counters existed (the demo world of an older deployment). Runs in steps that schedule the
// next one, each bounded: day rows cleared; then members (joins, last attendances, and each
// attendance of theirs marked new or returning, oldest first: their first 100 records); then
// each event's new/returning mix, counted from those marks.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { bumpDay } from "./statsCounters";

const STEP = 200;
const MEMBERS_PER_STEP = 50;
const EVENTS_PER_STEP = 5;
const HISTORY_PER_MEMBER = 100;
const ATTENDEES_PER_EVENT = 2000;

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
        .paginate({ numItems: MEMBERS_PER_STEP, cursor });
      const orgOf = new Map<Id<"events">, Id<"organizations"> | null>();
      for (const m of page.page) {
        await bumpDay(ctx, orgId, m.joinedAt, { joins: 1 });
        const last = m.attendanceStats?.lastAttendedAt;
        if (last !== undefined) await bumpDay(ctx, orgId, last, { lastSeen: 1 });
        await kindsOfMember(ctx, orgId, m.userId, orgOf);
      }
      await (page.isDone ? next("events", null) : next("members", page.continueCursor));
      return null;
    }
    const page = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) => q.eq("orgId", orgId))
      .paginate({ numItems: EVENTS_PER_STEP, cursor });
    for (const event of page.page) {
      const rows = await ctx.db
        .query("eventAttendance")
        .withIndex("by_event_state", (q) => q.eq("eventId", event._id).eq("state", "attended"))
        .take(ATTENDEES_PER_EVENT);
      const mix = { new: 0, returning: 0 };
      for (const row of rows) if (row.attendeeKind !== undefined) mix[row.attendeeKind] += 1;
      await ctx.db.patch("events", event._id, { attendeeMix: mix });
    }
    if (!page.isDone) await next("events", page.continueCursor);
    return null;
  },
});

/** Marks a member's first attendance in the org "new" and the later ones "returning" (oldest first). */
async function kindsOfMember(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  orgOf: Map<Id<"events">, Id<"organizations"> | null>,
) {
  const rows = await ctx.db
    .query("eventAttendance")
    .withIndex("by_user_history", (q) => q.eq("userId", userId).gt("historyAt", 0))
    .take(HISTORY_PER_MEMBER);
  let seen = false;
  for (const row of rows) {
    if (!orgOf.has(row.eventId)) orgOf.set(row.eventId, (await ctx.db.get("events", row.eventId))?.orgId ?? null);
    if (orgOf.get(row.eventId) !== orgId) continue;
    const kind = row.state !== "attended" ? undefined : seen ? "returning" : "new";
    if (row.state === "attended") seen = true;
    if (row.attendeeKind !== kind) await ctx.db.patch("eventAttendance", row._id, { attendeeKind: kind });
  }
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
