/**
 * Schema for the whole product, so later features extend tables rather than migrate them.
 * Enums come from lib/vocabulary.ts (shared with the app). Design notes:
 * - User ids are `v.id("users")`, typed, and never the raw identity subject (with Convex Auth
 *   that is `userId|sessionId`).
 * - `events.createdBy` and `engagementScores.overrideBy` point at `users`, not `orgMemberships`:
 *   a membership row is deleted when someone leaves, the person is not.
 * - Events are listed through by_org_start (upcoming/past by time) and reminder sweeps read
 *   by_status_start (only published events in a time window). Every index costs writes, so a
 *   table has only the indexes some query uses.
 * - Events have an optional `capacity`, and `eventAttendance.rsvpStatus` includes "waitlisted".
 * - `profiles.notificationPreferences` is required: every profile is created with defaults, so
 *   senders never guess.
 * - Organizations carry index keys derived from `location` (`country`, `cityKey`) because search
 *   filter fields and the near-me index need top-level, normalized values. Countries are
 *   ISO 3166-1 alpha-2 codes so filters match exactly.
 * - `memberCount` is a maintained counter: org pages never count members by scanning.
 * - Events: `eventType`, `onlineUrl` (shown only to attendees going and admins), publish/cancel
 *   bookkeeping, and maintained RSVP counters (`goingCount`, `maybeCount`, `waitlistCount`) so
 *   event pages never count RSVPs by scanning. `waitlistSeq` hands out the waitlist order
 *   (`eventAttendance.waitlistOrder`): first come, first served, with no ties. `sequence` is the
 *   RFC 5545 SEQUENCE, bumped when attendees' calendars must update.
 * - `eventChanges` logs time/place edits and cancellations of published events (the admin's
 *   history); attendees are told in the same transaction through convex/notifications/hooks.ts,
 *   as are waitlist promotions (recorded on the RSVP as `promotedFromWaitlistAt`).
 *   `calendarTokens` are per-member secrets for private orgs' calendar feeds.
 * - Notifications: reminders are exact-time scheduled jobs (`eventReminderJobs`) with an hourly
 *   cron as a backstop, each notice is sent once through a stored key (`notificationDedupe`),
 *   every email is recorded (`emails`, with delivery status), the inbox is `notifications`, and
 *   settings beyond `profiles.notificationPreferences` live in `notificationSettings`.
 *   `secrets` holds generated keys.
 */
import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import {
  announcementModeValidator,
  careerStageValidator,
  emailStatusValidator,
  engagementLevelValidator,
  eventStatusValidator,
  eventTypeValidator,
  notificationKindValidator,
  notificationPreferencesValidator,
  orgRoleValidator,
  rsvpStatusValidator,
  visibilityValidator,
} from "./lib/vocabulary";

export const locationValidator = v.object({
  city: v.string(),
  country: v.string(), // ISO 3166-1 alpha-2, upper case
  lat: v.optional(v.number()),
  lng: v.optional(v.number()),
});

/** Which profile fields admins of the member's orgs may see. Name is always visible to them. */
export const privacyValidator = v.object({
  headline: v.boolean(),
  location: v.boolean(),
  skills: v.boolean(),
  careerStage: v.boolean(),
  email: v.boolean(),
});

/** The time and place fields whose edits attendees are told about. */
export const eventChangeFieldValidator = v.union(
  v.literal("startTime"),
  v.literal("endTime"),
  v.literal("timezone"),
  v.literal("venue"),
  v.literal("locationUrl"),
  v.literal("onlineUrl"),
);

export default defineSchema({
  ...authTables,
  // Replaces the default auth `users` table to add an index on email.
  users: defineTable({
    name: v.optional(v.string()),
    image: v.optional(v.string()),
    email: v.optional(v.string()),
    emailVerificationTime: v.optional(v.number()),
    phone: v.optional(v.string()),
    phoneVerificationTime: v.optional(v.number()),
    isAnonymous: v.optional(v.boolean()),
  })
    .index("email", ["email"])
    .index("phone", ["phone"]),

  profiles: defineTable({
    userId: v.id("users"),
    name: v.string(),
    headline: v.optional(v.string()),
    location: v.optional(locationValidator),
    skills: v.array(v.string()),
    careerStage: v.optional(careerStageValidator),
    timezone: v.string(), // IANA
    notificationPreferences: notificationPreferencesValidator,
    privacy: privacyValidator,
    shareLocationForSuggestions: v.boolean(), // off by default (opt-in)
    completeness: v.number(), // 0–100, computed on every write
    updatedAt: v.number(),
  }).index("by_user", ["userId"]),

  organizations: defineTable({
    name: v.string(),
    slug: v.string(),
    description: v.optional(v.string()),
    location: v.optional(locationValidator),
    website: v.optional(v.string()),
    logoUrl: v.optional(v.string()),
    contactEmail: v.optional(v.string()),
    visibility: visibilityValidator,
    memberCount: v.number(),
    createdBy: v.id("users"),
    createdAt: v.number(),
    // Index keys derived from `location` on every write.
    country: v.optional(v.string()),
    cityKey: v.optional(v.string()), // lower-cased city
  })
    .index("by_slug", ["slug"])
    .index("by_visibility_members", ["visibility", "memberCount"])
    .index("by_country_visibility_city", ["country", "visibility", "cityKey"])
    .searchIndex("search_name", { searchField: "name", filterFields: ["visibility", "country"] }),

  orgMemberships: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    role: orgRoleValidator,
    joinedAt: v.number(),
  })
    // Member lists page in join order; by_org_user would sort them by user id.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_user", ["userId"])
    .index("by_org_user", ["orgId", "userId"])
    .index("by_org_role", ["orgId", "role"]),

  orgInvites: defineTable({
    orgId: v.id("organizations"),
    token: v.string(), // 32 random bytes, base64url
    createdBy: v.id("users"),
    expiresAt: v.optional(v.number()),
    maxUses: v.optional(v.number()),
    uses: v.number(),
    revokedAt: v.optional(v.number()),
  })
    .index("by_token", ["token"])
    .index("by_org", ["orgId"]),

  events: defineTable({
    orgId: v.id("organizations"),
    title: v.string(),
    description: v.optional(v.string()), // plain text (markdown), rendered safely by the UI
    eventType: eventTypeValidator,
    location: v.optional(v.string()), // the venue (the API calls it `venue`)
    locationUrl: v.optional(v.string()), // a map link
    onlineUrl: v.optional(v.string()), // shown only to members going and to admins
    startTime: v.number(), // UTC ms
    endTime: v.number(),
    timezone: v.string(), // IANA
    capacity: v.optional(v.number()),
    notifyBefore: v.optional(v.array(v.number())), // minutes, e.g. [1440, 60]
    status: eventStatusValidator,
    publishedAt: v.optional(v.number()),
    cancelledAt: v.optional(v.number()),
    cancelReason: v.optional(v.string()),
    // Maintained in the same transaction as every RSVP change.
    goingCount: v.number(),
    maybeCount: v.number(),
    waitlistCount: v.number(),
    waitlistSeq: v.number(), // last waitlist order handed out
    sequence: v.number(), // RFC 5545 SEQUENCE
    createdBy: v.id("users"),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_org_start", ["orgId", "startTime"])
    .index("by_status_start", ["status", "startTime"]),

  eventAttendance: defineTable({
    eventId: v.id("events"),
    userId: v.id("users"),
    rsvpStatus: rsvpStatusValidator,
    rsvpAt: v.number(), // the latest RSVP change
    waitlistOrder: v.optional(v.number()), // set while waitlisted: the queue order (events.waitlistSeq)
    waitlistedAt: v.optional(v.number()),
    promotedFromWaitlistAt: v.optional(v.number()),
    attended: v.optional(v.boolean()), // undefined = not yet asked
    attendedConfirmedAt: v.optional(v.number()),
    feedback: v.optional(
      v.object({
        rating: v.optional(v.number()), // 1–5
        comment: v.optional(v.string()),
        submittedAt: v.number(),
      }),
    ),
  })
    // Attendees in RSVP order.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_event", ["eventId"])
    .index("by_event_user", ["eventId", "userId"])
    // One status at a time; the waitlist in queue order (first come, first served).
    .index("by_event_status_order", ["eventId", "rsvpStatus", "waitlistOrder"]),

  /** Time/place edits and cancellations of published events, for telling attendees. */
  eventChanges: defineTable({
    eventId: v.id("events"),
    orgId: v.id("organizations"),
    kind: v.union(v.literal("updated"), v.literal("cancelled")),
    changedAt: v.number(),
    changedBy: v.id("users"),
    changes: v.array(
      v.object({
        field: eventChangeFieldValidator,
        old: v.union(v.string(), v.number(), v.null()),
        new: v.union(v.string(), v.number(), v.null()),
      }),
    ),
    reason: v.optional(v.string()), // the cancellation reason
  }),

  /** Per-member secret for subscribing to an org's calendar feed (and private event files). */
  calendarTokens: defineTable({
    userId: v.id("users"),
    orgId: v.id("organizations"),
    token: v.string(), // 32 random bytes, base64url
    createdAt: v.number(),
  })
    .index("by_token", ["token"])
    .index("by_user_org", ["userId", "orgId"]),

  engagementScores: defineTable({
    userId: v.id("users"),
    orgId: v.id("organizations"),
    score: v.number(), // 0–100
    level: engagementLevelValidator,
    overrideLevel: v.optional(engagementLevelValidator),
    overrideReason: v.optional(v.string()),
    overrideBy: v.optional(v.id("users")),
    overrideAt: v.optional(v.number()),
    computedAt: v.number(),
    modelVersion: v.string(),
    signals: v.object({
      eventsAttended: v.number(),
      eventsRsvped: v.number(),
      totalOrgEvents: v.number(),
      profileCompleteness: v.number(), // 0–100
      lastActivityAt: v.number(),
      membershipDurationDays: v.number(),
    }),
  }),

  // ---- Notifications ----

  /**
   * Notification settings beyond `profiles.notificationPreferences`. A separate table: the profile document, read by every admin and directory
   * query, stays small; muting an org does not contend with profile edits; no row = defaults.
   */
  notificationSettings: defineTable({
    userId: v.id("users"),
    announcements: announcementModeValidator, // default "digest"
    eventTypes: v.optional(v.array(eventTypeValidator)), // undefined = every type
    mutedOrgIds: v.array(v.id("organizations")),
    updatedAt: v.number(),
  }).index("by_user", ["userId"]),

  /** The scheduled reminder job of each (event, offset); replaced on reschedule. */
  eventReminderJobs: defineTable({
    eventId: v.id("events"),
    offsetMinutes: v.number(),
    jobId: v.optional(v.id("_scheduled_functions")), // absent when the sweep ran the pass
    runAt: v.number(),
    startTime: v.number(), // the event start the job was scheduled for
    completedAt: v.optional(v.number()), // a full pass over the RSVPs finished
  }).index("by_event_offset", ["eventId", "offsetMinutes"]),

  /** One row per notice ever sent; the key is unique per event/user/kind(/offset). */
  notificationDedupe: defineTable({
    key: v.string(),
    createdAt: v.number(),
  }).index("by_key", ["key"]),

  /** Every email, delivered or only recorded (no RESEND_API_KEY). */
  emails: defineTable({
    to: v.string(),
    userId: v.id("users"),
    kind: notificationKindValidator,
    subject: v.string(),
    html: v.string(),
    text: v.string(),
    eventId: v.optional(v.id("events")),
    dedupeKey: v.string(),
    status: emailStatusValidator,
    resendEmailId: v.optional(v.string()),
    error: v.optional(v.string()),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_event_created", ["eventId", "createdAt"])
    .index("by_resend_id", ["resendEmailId"])
    // The dev mailbox: one person's emails, newest first.
    .index("by_user_created", ["userId", "createdAt"]),

  /** The in-app inbox. */
  notifications: defineTable({
    userId: v.id("users"),
    kind: notificationKindValidator,
    title: v.string(),
    body: v.string(),
    eventId: v.optional(v.id("events")),
    orgId: v.optional(v.id("organizations")),
    createdAt: v.number(),
    readAt: v.optional(v.number()),
  })
    .index("by_user_created", ["userId", "createdAt"])
    .index("by_user_unread", ["userId", "readAt", "createdAt"]),

  /** Server-side secrets generated once when no environment variable provides them. */
  secrets: defineTable({
    name: v.string(),
    value: v.string(),
    createdAt: v.number(),
  }).index("by_name", ["name"]),
});
