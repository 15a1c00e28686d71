import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation, type MutationCtx } from "../_generated/server";
import type { Id } from "../_generated/dataModel";
import { appError } from "../lib/errors";
import { orgMemberMutation, userMutation } from "../lib/functions";
import { effectiveSettings, getSettingsRow, MAX_MUTED_ORGS, patchSettings } from "./preferences";

/** Marks one of the caller's notifications read (idempotent). Others' are NOT_FOUND. */
export const markRead = userMutation({
  args: { notificationId: v.id("notifications") },
  returns: v.null(),
  handler: async (ctx, { notificationId }) => {
    const { user } = ctx;
    const notification = await ctx.db.get("notifications", notificationId);
    if (notification === null || notification.userId !== user._id) {
      throw appError("NOT_FOUND", "This notification does not exist.");
    }
    if (notification.readAt === undefined) {
      await ctx.db.patch("notifications", notificationId, { readAt: Date.now() });
    }
    return null;
  },
});

const MARK_ALL_BATCH = 200;

async function markUnreadBatch(ctx: MutationCtx, userId: Id<"users">, readAt: number) {
  const batch = await ctx.db
    .query("notifications")
    .withIndex("by_user_unread", (q) => q.eq("userId", userId).eq("readAt", undefined))
    .take(MARK_ALL_BATCH);
  for (const n of batch) await ctx.db.patch("notifications", n._id, { readAt });
  return batch.length;
}

/**
 * Marks all the caller's notifications read: one batch now, any remainder in scheduled batches
 * (the unread count drops to zero within moments however many there are).
 */
export const markAllRead = userMutation({
  args: {},
  returns: v.object({ marked: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const { user } = ctx;
    const readAt = Date.now();
    const marked = await markUnreadBatch(ctx, user._id, readAt);
    const more = marked === MARK_ALL_BATCH;
    if (more) {
      await ctx.scheduler.runAfter(0, internal.notifications.mutations.markAllReadBatch, { userId: user._id, readAt });
    }
    return { marked, more };
  },
});

export const markAllReadBatch = internalMutation({
  args: { userId: v.id("users"), readAt: v.number() },
  returns: v.null(),
  handler: async (ctx, { userId, readAt }) => {
    const marked = await markUnreadBatch(ctx, userId, readAt);
    if (marked === MARK_ALL_BATCH) {
      await ctx.scheduler.runAfter(0, internal.notifications.mutations.markAllReadBatch, { userId, readAt });
    }
    return null;
  },
});

/** Stops reminders and announcements from one of the caller's orgs. */
export const muteOrg = orgMemberMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { user } = ctx;
    const orgId = ctx.org._id;
    const settings = effectiveSettings(await getSettingsRow(ctx, user._id));
    if (settings.mutedOrgIds.includes(orgId)) return null;
    if (settings.mutedOrgIds.length >= MAX_MUTED_ORGS) {
      throw appError("INVALID_ARGUMENT", `You can mute at most ${MAX_MUTED_ORGS} organizations.`, "orgId");
    }
    await patchSettings(ctx, user._id, { mutedOrgIds: [...settings.mutedOrgIds, orgId] });
    return null;
  },
});

export const unmuteOrg = orgMemberMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { user } = ctx;
    const orgId = ctx.org._id;
    const settings = effectiveSettings(await getSettingsRow(ctx, user._id));
    if (!settings.mutedOrgIds.includes(orgId)) return null;
    await patchSettings(ctx, user._id, { mutedOrgIds: settings.mutedOrgIds.filter((id) => id !== orgId) });
    return null;
  },
});
