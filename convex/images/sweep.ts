// Uploaded files that were never attached: the upload URL was used but the cover or logo was not
// set (the tab closed, the check refused the file after another admin took over, or a script
// posted files it never meant to use). Once a day, files uploaded one to eight days ago without a
// claim are deleted: a day gives any real upload time to be attached, and the window keeps each
// run's reads to a week's uploads, not every file ever stored.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";

const DAY = 24 * 60 * 60 * 1000;
export const UNATTACHED_UPLOAD_GRACE_MS = DAY;
const WINDOW_MS = 8 * DAY;
const PAGE = 200;

export const sweepUnattachedUploads = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())), now: v.optional(v.number()) },
  returns: v.object({ checked: v.number(), deleted: v.number() }),
  handler: async (ctx, args) => {
    // One sweep keeps the instant it started, so its later pages look at the same window.
    const now = args.now ?? Date.now();
    const result = await ctx.db.system
      .query("_storage")
      .withIndex("by_creation_time", (q) =>
        q.gte("_creationTime", now - WINDOW_MS).lt("_creationTime", now - UNATTACHED_UPLOAD_GRACE_MS),
      )
      .paginate({ cursor: args.cursor ?? null, numItems: PAGE });
    let deleted = 0;
    for (const file of result.page) {
      const claim = await ctx.db
        .query("imageFiles")
        .withIndex("by_storage", (q) => q.eq("storageId", file._id))
        .unique();
      if (claim !== null) continue;
      await ctx.storage.delete(file._id);
      deleted++;
    }
    if (!result.isDone) {
      await ctx.scheduler.runAfter(0, internal.images.sweep.sweepUnattachedUploads, {
        cursor: result.continueCursor,
        now,
      });
    }
    return { checked: result.page.length, deleted };
  },
});
