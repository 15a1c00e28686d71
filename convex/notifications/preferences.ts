// Notification preferences as the senders see them: the seed's `profiles.notificationPreferences`
// (reminders, weekly digest, timezone, org announcements) plus `notificationSettings`
// (announcement mode, event types, muted orgs). Senders call loadRecipient at SEND time, so a
// change of preferences applies to reminders that were scheduled before it.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { invalidArgument } from "../lib/errors";
import { getProfileByUser, type NotificationPreferences } from "../profiles/model";
import {
  type AnnouncementMode,
  announcementModeValidator,
  DEFAULT_ANNOUNCEMENT_MODE,
  defaultNotificationPreferences,
  EVENT_TYPES,
  type EventType,
  eventTypeValidator,
  REMINDER_OFFSETS,
} from "../lib/vocabulary";

/** The longest reminder offset; bounds how far ahead the reminder sweep looks. */
export const MAX_REMINDER_OFFSET = Math.max(...REMINDER_OFFSETS);
export const MAX_MUTED_ORGS = 200;

export type Settings = {
  announcements: AnnouncementMode;
  /** undefined = every event type. */
  eventTypes: EventType[] | undefined;
  mutedOrgIds: Id<"organizations">[];
};

export const DEFAULT_SETTINGS: Settings = {
  announcements: DEFAULT_ANNOUNCEMENT_MODE,
  eventTypes: undefined,
  mutedOrgIds: [],
};

export const settingsValidator = v.object({
  announcements: announcementModeValidator,
  /** null = every event type. */
  eventTypes: v.union(v.null(), v.array(eventTypeValidator)),
  mutedOrgIds: v.array(v.id("organizations")),
});

/**
 * Reminder offsets: only the four offered choices; at least one while reminders are on.
 * Returns them unique, longest first. Errors name the field the settings form shows them by.
 */
export function checkReminderTimes(enabled: boolean, times: number[]): number[] {
  const field = "eventReminders.reminderTimes";
  for (const minutes of times) {
    if (!(REMINDER_OFFSETS as readonly number[]).includes(minutes)) {
      throw invalidArgument(field, "Choose reminders from: 1 week, 1 day, 3 hours or 1 hour before.");
    }
  }
  if (enabled && times.length === 0) {
    throw invalidArgument(field, "Choose at least one reminder time, or turn reminders off.");
  }
  return [...new Set(times)].sort((a, b) => b - a);
}

export function checkEventTypes(types: EventType[] | null): EventType[] | undefined {
  if (types === null) return undefined;
  if (types.length === 0) {
    throw invalidArgument("eventTypes", "Choose at least one event type, or turn announcements off.");
  }
  const unique = [...new Set(types)];
  return unique.length === EVENT_TYPES.length ? undefined : unique;
}

export async function getSettingsRow(ctx: QueryCtx, userId: Id<"users">) {
  return await ctx.db
    .query("notificationSettings")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
}

export function effectiveSettings(row: Doc<"notificationSettings"> | null): Settings {
  if (row === null) return DEFAULT_SETTINGS;
  return { announcements: row.announcements, eventTypes: row.eventTypes, mutedOrgIds: row.mutedOrgIds };
}

/** Creates or patches the caller's settings row. */
export async function patchSettings(ctx: MutationCtx, userId: Id<"users">, patch: Partial<Settings>) {
  const row = await getSettingsRow(ctx, userId);
  const now = Date.now();
  if (row === null) {
    await ctx.db.insert("notificationSettings", { userId, ...DEFAULT_SETTINGS, ...patch, updatedAt: now });
  } else {
    await ctx.db.patch("notificationSettings", row._id, { ...patch, updatedAt: now });
  }
}

export type Recipient = {
  userId: Id<"users">;
  email: string | undefined;
  name: string;
  timezone: string;
  prefs: NotificationPreferences & { eventReminders: { enabled: boolean; reminderTimes: number[] } };
  settings: Settings;
};

/** Everything a sender needs to decide and render, read now (3 documents). */
export async function loadRecipient(ctx: QueryCtx, userId: Id<"users">): Promise<Recipient | null> {
  const user = await ctx.db.get("users", userId);
  if (user === null) return null;
  const profile = await getProfileByUser(ctx, userId);
  const base = profile?.notificationPreferences ?? defaultNotificationPreferences(profile?.timezone ?? "UTC");
  const defaults = defaultNotificationPreferences(base.timezone);
  const prefs = { ...base, eventReminders: base.eventReminders ?? defaults.eventReminders! };
  const name = profile?.name || user.name || "there";
  return {
    userId,
    email: user.email,
    name,
    timezone: base.timezone || profile?.timezone || "UTC",
    prefs,
    settings: effectiveSettings(await getSettingsRow(ctx, userId)),
  };
}

export function wantsReminder(r: Recipient, orgId: Id<"organizations">, offsetMinutes: number): boolean {
  return (
    r.prefs.eventReminders.enabled &&
    r.prefs.eventReminders.reminderTimes.includes(offsetMinutes) &&
    !r.settings.mutedOrgIds.includes(orgId)
  );
}

/** Whether new events of this org and type reach the member, and how ("all" or "digest"). */
export function announcementMode(r: Recipient, orgId: Id<"organizations">, eventType: EventType): AnnouncementMode {
  if (r.prefs.orgAnnouncements?.enabled === false) return "none";
  if (r.settings.mutedOrgIds.includes(orgId)) return "none";
  if (r.settings.eventTypes !== undefined && !r.settings.eventTypes.includes(eventType)) return "none";
  if (r.settings.announcements === "digest" && !r.prefs.weeklyDigest.enabled) return "none";
  return r.settings.announcements;
}
