// Builds the directory rows of members written before the directory existed, or written in bulk
// outside the app (the large local store): pages through an org's memberships, 200 a transaction,
// and schedules the next page itself unless `chain` is false (the caller drives the pages).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { syncDirectory } from "./directorySync";

const PAGE = 200;

export const backfillOrg = internalMutation({
  args: { orgId: v.id("organizations"), cursor: v.union(v.string(), v.null()), chain: v.optional(v.boolean()) },
  returns: v.object({ done: v.boolean(), cursor: v.string(), synced: v.number() }),
  handler: async (ctx, { orgId, cursor, chain }) => {
    const page = await ctx.db
      .query("orgMemberships")
      .withIndex("by_org", (q) => q.eq("orgId", orgId))
      .paginate({ numItems: PAGE, cursor });
    for (const membership of page.page) await syncDirectory(ctx, orgId, membership.userId);
    if (!page.isDone && chain !== false) {
      await ctx.scheduler.runAfter(0, internal.crm.directoryBackfill.backfillOrg, {
        orgId,
        cursor: page.continueCursor,
      });
    }
    return { done: page.isDone, cursor: page.continueCursor, synced: page.page.length };
  },
});

/**
 * Starts a build for every org that has members but no directory rows (data written before the
 * directory existed): run on every start of the local backend, a no-op once they all have them.
 */
export const backfillMissing = internalMutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    let started = 0;
    for await (const org of ctx.db.query("organizations")) {
      if (org.memberCount === 0) continue;
      const any = await ctx.db
        .query("memberDirectory")
        .withIndex("by_org_user", (q) => q.eq("orgId", org._id))
        .first();
      if (any !== null) continue;
      await ctx.scheduler.runAfter(0, internal.crm.directoryBackfill.backfillOrg, { orgId: org._id, cursor: null });
      if (++started >= 500) break;
    }
    return started;
  },
});
