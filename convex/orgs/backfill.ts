// Data written before orgs had a time zone, and zones stored by their legacy names: filled in
// and renamed a page at a time (`npx convex run orgs/backfill:run` on a deployment; `npm run
// dev` runs it on every start of the local backend, where it is a no-op once done).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { LEGACY_TIME_ZONES } from "../lib/timezoneNames";

const PAGE = 100;
const current = (zone: string) => LEGACY_TIME_ZONES[zone] ?? zone;

/** Orgs without a zone get their creator's profile zone (else UTC); legacy names are renamed. */
export const run = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  returns: v.object({ updated: v.number(), done: v.boolean() }),
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db.query("organizations").paginate({ numItems: PAGE, cursor: cursor ?? null });
    let updated = 0;
    for (const org of page.page) {
      let zone = org.timezone;
      if (zone === undefined) {
        const profile = await ctx.db
          .query("profiles")
          .withIndex("by_user", (q) => q.eq("userId", org.createdBy))
          .unique();
        zone = profile?.timezone ?? "UTC";
      }
      if (current(zone) !== org.timezone) {
        await ctx.db.patch("organizations", org._id, { timezone: current(zone) });
        updated += 1;
      }
    }
    if (!page.isDone) await ctx.scheduler.runAfter(0, internal.orgs.backfill.run, { cursor: page.continueCursor });
    else await ctx.scheduler.runAfter(0, internal.orgs.backfill.renameProfileZones, {});
    return { updated, done: page.isDone };
  },
});

/** Profiles (and their email settings) saved with a legacy zone name move to the current one. */
export const renameProfileZones = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  returns: v.object({ updated: v.number(), done: v.boolean() }),
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db.query("profiles").paginate({ numItems: PAGE, cursor: cursor ?? null });
    let updated = 0;
    for (const p of page.page) {
      const prefs = p.notificationPreferences;
      if (current(p.timezone) === p.timezone && current(prefs.timezone) === prefs.timezone) continue;
      await ctx.db.patch("profiles", p._id, {
        timezone: current(p.timezone),
        notificationPreferences: { ...prefs, timezone: current(prefs.timezone) },
      });
      updated += 1;
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.orgs.backfill.renameProfileZones, { cursor: page.continueCursor });
    }
    return { updated, done: page.isDone };
  },
});
