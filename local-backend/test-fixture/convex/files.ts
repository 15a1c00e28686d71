// File storage, as the app uses it: an upload URL, a file URL, reading and deleting a file.
import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

export const uploadUrl = mutation({ args: {}, handler: async (ctx) => await ctx.storage.generateUploadUrl() });

export const url = query({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => await ctx.storage.getUrl(storageId),
});

/** The file's bytes as text, read in an action (as the app's image check does). */
export const text = action({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => (await (await ctx.storage.get(storageId))?.text()) ?? null,
});

export const remove = mutation({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => await ctx.storage.delete(storageId),
});
