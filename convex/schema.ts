/**
 * Schema for the whole product, so later features extend tables rather than migrate them.
 *
 * Departures from the seed (seed/000_e037848dfa92f0a0.txt) and why:
 * - User ids are `v.id("users")`, not `v.string()`: typed, and never the raw identity subject
 *   (with Convex Auth that is `userId|sessionId`).
 * - `events.createdBy` and `engagementScores.overrideBy` point at `users`, not `orgMemberships`:
 *   a membership row is deleted when someone leaves, the person is not.
 * - Indexes: events gain by_org_start (upcoming/past lists by time) and by_status_start
 *   (reminder crons read only published events in a time window). The seed's events.by_org and
 *   engagementScores.by_org are dropped: by_org_start / by_org_level answer the same queries
 *   (a prefix of a compound index), and every index costs writes.
 * - Events gain an optional `capacity` and `eventAttendance.rsvpStatus` adds "waitlisted"
 *   (capacity and a waitlist are listed features).
 * - `profiles.notificationPreferences` keeps the seed's object shape exactly but is required:
 *   every profile is created with defaults, so senders never guess.
 * - Organizations carry index keys derived from `location` (`country`, `cityKey`) because search
 *   filter fields and the near-me index need top-level, normalized values. Countries are
 *   ISO 3166-1 alpha-2 codes so filters match exactly.
 * - `memberCount` is a maintained counter: org pages never count members by scanning.
 */
import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export const locationValidator = v.object({
  city: v.string(),
  country: v.string(), // ISO 3166-1 alpha-2, upper case
  lat: v.optional(v.number()),
  lng: v.optional(v.number()),
});

export const orgRoleValidator = v.union(v.literal("admin"), v.literal("member"));
export const visibilityValidator = v.union(v.literal("public"), v.literal("private"));

export const careerStageValidator = v.union(
  v.literal("student"),
  v.literal("early_career"),
  v.literal("mid_career"),
  v.literal("senior"),
  v.literal("career_transition"),
  v.literal("other"),
);

/** The seed's shape, unchanged. */
export const notificationPreferencesValidator = v.object({
  matchAlerts: v.object({ enabled: v.boolean() }),
  weeklyDigest: v.object({ enabled: v.boolean() }),
  timezone: v.string(),
  eventReminders: v.optional(
    v.object({
      enabled: v.boolean(),
      reminderTimes: v.array(v.number()), // minutes before the start, e.g. [1440, 60]
    }),
  ),
  orgAnnouncements: v.optional(v.object({ enabled: v.boolean() })),
});

/** Which profile fields admins of the member's orgs may see. Name is always visible to them. */
export const privacyValidator = v.object({
  headline: v.boolean(),
  location: v.boolean(),
  skills: v.boolean(),
  careerStage: v.boolean(),
  email: v.boolean(),
});

export const engagementLevelValidator = v.union(
  v.literal("highly_engaged"),
  v.literal("engaged"),
  v.literal("moderately_engaged"),
  v.literal("low_engagement"),
  v.literal("inactive"),
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
    description: v.optional(v.string()),
    location: v.optional(v.string()),
    locationUrl: v.optional(v.string()),
    startTime: v.number(), // UTC ms
    endTime: v.number(),
    timezone: v.string(), // IANA
    capacity: v.optional(v.number()),
    notifyBefore: v.optional(v.array(v.number())), // minutes, e.g. [1440, 60]
    status: v.union(v.literal("draft"), v.literal("published"), v.literal("cancelled")),
    createdBy: v.id("users"),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_org_status", ["orgId", "status"])
    .index("by_start_time", ["startTime"])
    .index("by_org_start", ["orgId", "startTime"])
    .index("by_status_start", ["status", "startTime"]),

  eventAttendance: defineTable({
    eventId: v.id("events"),
    userId: v.id("users"),
    rsvpStatus: v.union(
      v.literal("going"),
      v.literal("maybe"),
      v.literal("not_going"),
      v.literal("waitlisted"),
    ),
    rsvpAt: v.number(),
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
    // Attendees in RSVP order (first come, first served for the waitlist).
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_event", ["eventId"])
    .index("by_user", ["userId"])
    .index("by_event_user", ["eventId", "userId"]),

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
  })
    .index("by_user_org", ["userId", "orgId"])
    .index("by_org_level", ["orgId", "level"]),
});
