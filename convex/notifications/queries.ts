import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { omit } from "convex-helpers";
import { v } from "convex/values";
import { eventAdminQuery, userQuery } from "../lib/functions";
import { displayName, getProfileByUser } from "../profiles/model";
import { emailStatusValidator, notificationKindValidator } from "../lib/vocabulary";
import schema from "../schema";
import { effectiveSettings, getSettingsRow, settingsValidator } from "./preferences";

/** The bell shows at most this; the UI renders 100 as "99+". */
export const UNREAD_CAP = 100;
const MAX_PAGE = 50;

/** Unread notifications of the caller, counted up to UNREAD_CAP (one bounded index range). */
export const unreadCount = userQuery({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    const { user } = ctx;
    const unread = await ctx.db
      .query("notifications")
      .withIndex("by_user_unread", (q) => q.eq("userId", user._id).eq("readAt", undefined))
      .take(UNREAD_CAP);
    return unread.length;
  },
});

const notificationValidator = v.object({
  _id: v.id("notifications"),
  ...omit(schema.tables.notifications.validator.fields, ["userId"]),
});

/** The caller's inbox, newest first. */
export const listMyNotifications = userQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(notificationValidator),
  handler: async (ctx, { paginationOpts }) => {
    const { user } = ctx;
    const page = await ctx.db
      .query("notifications")
      .withIndex("by_user_created", (q) => q.eq("userId", user._id))
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_PAGE) });
    return {
      ...page,
      page: page.page.map((n) => ({
        _id: n._id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        eventId: n.eventId,
        orgId: n.orgId,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
    };
  },
});

/** The caller's settings beyond profiles.notificationPreferences (defaults when never saved). */
export const getMyNotificationSettings = userQuery({
  args: {},
  returns: settingsValidator,
  handler: async (ctx) => {
    const { user } = ctx;
    const settings = effectiveSettings(await getSettingsRow(ctx, user._id));
    return {
      announcements: settings.announcements,
      eventTypes: settings.eventTypes ?? null,
      mutedOrgIds: settings.mutedOrgIds,
    };
  },
});

const logEntryValidator = v.object({
  emailId: v.id("emails"),
  userId: v.id("users"),
  name: v.string(),
  kind: notificationKindValidator,
  subject: v.string(),
  status: emailStatusValidator,
  error: v.optional(v.string()),
  createdAt: v.number(),
  updatedAt: v.number(),
});

/**
 * For admins of the event's org: who was emailed what about this event and when, with delivery
 * status, newest first. Addresses are not shown (members decide whether admins see their email).
 */
export const eventNotificationLog = eventAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(logEntryValidator),
  handler: async (ctx, { paginationOpts }) => {
    const eventId = ctx.event._id;
    const page = await ctx.db
      .query("emails")
      .withIndex("by_event_created", (q) => q.eq("eventId", eventId))
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_PAGE) });
    const entries = [];
    for (const email of page.page) {
      const [user, profile] = await Promise.all([
        ctx.db.get("users", email.userId),
        getProfileByUser(ctx, email.userId),
      ]);
      entries.push({
        emailId: email._id,
        userId: email.userId,
        name: displayName(profile, user),
        kind: email.kind,
        subject: email.subject,
        status: email.status,
        error: email.error,
        createdAt: email.createdAt,
        updatedAt: email.updatedAt,
      });
    }
    return { ...page, page: entries };
  },
});
