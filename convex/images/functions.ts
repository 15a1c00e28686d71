// Image uploads through Convex file storage: the browser asks for an upload URL, posts the file
// there, and hands the storage id to setEventCover / setOrgLogo, which check it on the server.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { eventAdminAction, orgAdminAction, userMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { requireUploadedImage } from "./model";

/** A one-time URL to post an image file to (rate-limited per user). */
export const generateUploadUrl = userMutation({
  args: {},
  returns: v.string(),
  handler: async (ctx) => {
    await enforceLimit(ctx, "upload", ctx.user._id);
    return await ctx.storage.generateUploadUrl();
  },
});

/** Sets the event's cover to an uploaded image (PNG, JPEG, WebP or GIF, at most 5 MB). */
export const setEventCover = eventAdminAction({
  args: { storageId: v.id("_storage") },
  returns: v.null(),
  handler: async (ctx, { storageId }) => {
    await requireUploadedImage(ctx, storageId, "cover");
    await ctx.runMutation(internal.images.model.applyEventCover, {
      eventId: ctx.eventId,
      userId: ctx.user._id,
      storageId,
    });
    return null;
  },
});

export const removeEventCover = eventAdminAction({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await ctx.runMutation(internal.images.model.applyEventCover, { eventId: ctx.eventId, userId: ctx.user._id });
    return null;
  },
});

/** Sets the org's logo to an uploaded image (PNG, JPEG, WebP or GIF, at most 5 MB). */
export const setOrgLogo = orgAdminAction({
  args: { storageId: v.id("_storage") },
  returns: v.null(),
  handler: async (ctx, { storageId }) => {
    await requireUploadedImage(ctx, storageId, "logo");
    await ctx.runMutation(internal.images.model.applyOrgLogo, { orgId: ctx.orgId, userId: ctx.user._id, storageId });
    return null;
  },
});

export const removeOrgLogo = orgAdminAction({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await ctx.runMutation(internal.images.model.applyOrgLogo, { orgId: ctx.orgId, userId: ctx.user._id });
    return null;
  },
});
