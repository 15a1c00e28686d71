import { v } from "convex/values";
import { userMutation } from "../lib/functions";
import { optionalText, requireLocation, requireTags, requireText, requireTimezone } from "../lib/validation";
import {
  announcementModeValidator,
  careerStageValidator,
  eventTypeValidator,
  LIMITS,
  notificationPreferencesValidator,
} from "../lib/vocabulary";
import { checkEventTypes, checkReminderTimes, patchSettings } from "../notifications/preferences";
import { locationValidator, privacyValidator } from "../schema";
import { computeCompleteness, ensureProfile, myProfileValidator, toMyProfile } from "./model";
import { onProfileChanged } from "../crm/directoryHooks";

/**
 * Saves the profile form (full replace: an omitted optional field is cleared).
 * Creates the profile on first save; `timezone` should default to the browser's.
 */
export const updateMyProfile = userMutation({
  args: {
    name: v.string(),
    headline: v.optional(v.string()),
    location: v.optional(locationValidator),
    skills: v.array(v.string()),
    careerStage: v.optional(careerStageValidator),
    timezone: v.string(),
  },
  returns: myProfileValidator,
  handler: async (ctx, args) => {
    const { user } = ctx;
    const fields = {
      name: requireText("name", args.name, LIMITS.name, "name"),
      headline: optionalText("headline", args.headline, LIMITS.headline, "headline"),
      location: args.location === undefined ? undefined : requireLocation("location", args.location),
      skills: requireTags("skills", args.skills),
      careerStage: args.careerStage,
      timezone: requireTimezone("timezone", args.timezone),
    };
    const profile = await ensureProfile(ctx, user, fields.timezone);
    // One time zone per member: emails (notificationPreferences.timezone) follow the profile's.
    const prefs = profile.notificationPreferences;
    await ctx.db.patch("profiles", profile._id, {
      ...fields,
      ...(prefs.timezone === fields.timezone
        ? {}
        : { notificationPreferences: { ...prefs, timezone: fields.timezone } }),
      completeness: computeCompleteness(fields),
      updatedAt: Date.now(),
    });
    // One name across the app: the account name (viewer, emails) follows the profile.
    if (user.name !== fields.name) await ctx.db.patch("users", user._id, { name: fields.name });
    await onProfileChanged(ctx, user._id);
    return toMyProfile((await ctx.db.get("profiles", profile._id))!, user);
  },
});

/**
 * Saves the notification settings form. `preferences` is the seed's shape (full replace);
 * `announcements` and `eventTypes` (null = every type) are optional and left unchanged when
 * omitted. Reminder offsets must be among 1 week / 1 day / 3 hours / 1 hour, and at least one
 * while reminders are on. `preferences.attendancePrompts` ("After-event check-ins", on unless
 * saved off) is kept as saved when omitted. Senders read all of this at send time.
 */
export const updateNotificationPreferences = userMutation({
  args: {
    preferences: notificationPreferencesValidator,
    announcements: v.optional(announcementModeValidator),
    eventTypes: v.optional(v.union(v.null(), v.array(eventTypeValidator))),
  },
  returns: v.null(),
  handler: async (ctx, { preferences, announcements, eventTypes }) => {
    const { user } = ctx;
    const timezone = requireTimezone("timezone", preferences.timezone);
    let eventReminders = preferences.eventReminders;
    if (eventReminders !== undefined) {
      eventReminders = {
        ...eventReminders,
        reminderTimes: checkReminderTimes(eventReminders.enabled, eventReminders.reminderTimes),
      };
    }
    const types = eventTypes === undefined ? undefined : checkEventTypes(eventTypes);
    const profile = await ensureProfile(ctx, user, timezone);
    // Clients that predate "After-event check-ins" omit it: keep the saved choice then.
    const attendancePrompts = preferences.attendancePrompts ?? profile.notificationPreferences.attendancePrompts;
    await ctx.db.patch("profiles", profile._id, {
      notificationPreferences: { ...preferences, timezone, eventReminders, attendancePrompts },
      updatedAt: Date.now(),
    });
    if (announcements !== undefined || eventTypes !== undefined) {
      await patchSettings(ctx, user._id, {
        ...(announcements === undefined ? {} : { announcements }),
        ...(eventTypes === undefined ? {} : { eventTypes: types }),
      });
    }
    return null;
  },
});

/** What admins of the caller's orgs may see, and whether their location may drive suggestions. */
export const updatePrivacy = userMutation({
  args: { privacy: privacyValidator, shareLocationForSuggestions: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { privacy, shareLocationForSuggestions }) => {
    const { user } = ctx;
    const profile = await ensureProfile(ctx, user);
    await ctx.db.patch("profiles", profile._id, { privacy, shareLocationForSuggestions, updatedAt: Date.now() });
    await onProfileChanged(ctx, user._id);
    return null;
  },
});
