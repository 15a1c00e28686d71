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
 * - Attendance extends `eventAttendance` (one row per event and person) instead of a parallel
 *   table: the RSVP row gains the verified record `mark` (a door or venue check-in, or an
 *   admin's mark, with who and when), the member's own answer `selfReport`, and the effective
 *   result derived from both in the same write (`state`, `source`, `disputed`; an admin's mark
 *   or a check-in outranks the member's answer, and a disagreement is `disputed`). The seed's
 *   `attended` / `attendedConfirmedAt` stay as the effective answer in its terms (attended or
 *   not, and when that was last recorded). Walk-ins are rows too (`walkIn`, RSVP "not_going"
 *   unless they had one). `feedback` gains `anonymous` and `updatedAt`. `name` is the
 *   person's display name, kept for the door list's search. Prompt bookkeeping lives on the
 *   row (`prompt`, `promptPendingAt` for the member's open prompts, `promptDueAt` for the
 *   deferred second prompt's backstop sweep).
 * - Counters maintained in the same transaction as every attendance write (nothing counts by
 *   scanning): `events.attendanceStats` (attended, no-shows, excused, checked in, disputed,
 *   feedback count, rating sum and per-star counts) and `orgMemberships.attendanceStats`
 *   (events attended verified / self-reported, events RSVP'd, no-shows, last attended, last
 *   activity), the signals engagement scoring reads. Absent = all zero (rows written before).
 *   `events.attendancePrompt` is the scheduled "did you attend?" job of a published event.
 */
import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import {
  announcementModeValidator,
  attendanceSourceValidator,
  attendanceStateValidator,
  careerStageValidator,
  checkInViaValidator,
  emailStatusValidator,
  engagementLevelValidator,
  engagementRulesReasonValidator,
  engagementRunModeValidator,
  engagementRunStatusValidator,
  engagementSourceValidator,
  eventStatusValidator,
  eventTypeValidator,
  joinPolicyValidator,
  notificationKindValidator,
  notificationPreferencesValidator,
  enrollmentModeValidator,
  enrollmentStatusValidator,
  orgRoleValidator,
  programKindValidator,
  programStatusValidator,
  rsvpStatusValidator,
  tagColorValidator,
  timelineKindValidator,
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
  /** Shown by name on events' guest lists to fellow members. Absent (older profiles) = on. */
  guestList: v.optional(v.boolean()),
});

/** The verified attendance record of one person at one event. */
export const markValidator = v.object({
  state: attendanceStateValidator,
  source: v.union(v.literal("check_in"), v.literal("admin")),
  via: v.optional(checkInViaValidator), // check-ins: at the door (admin) or at the venue (self)
  by: v.id("users"),
  at: v.number(),
});

/** Per-event attendance counters; absent = all zero. */
export const eventAttendanceStatsValidator = v.object({
  attended: v.number(),
  noShows: v.number(),
  excused: v.number(),
  checkedIn: v.number(), // attended through a check-in (door or venue)
  selfReported: v.number(), // attended on the member's word only
  disputed: v.number(),
  walkIns: v.number(),
  feedbackCount: v.number(),
  ratingSum: v.number(),
  ratingCounts: v.array(v.number()), // [1 star, …, 5 stars]
});

/** Per-membership attendance counters (the engagement signals); absent = all zero. */
export const memberAttendanceStatsValidator = v.object({
  attendedVerified: v.number(),
  attendedSelfReported: v.number(),
  rsvped: v.number(), // events RSVP'd going, maybe or waitlisted (each event once)
  noShows: v.number(),
  lastAttendedAt: v.optional(v.number()), // the event's end
  lastActivityAt: v.optional(v.number()),
  programSessionsAttended: v.optional(v.number()), // sessions of programs attended
  programsCompleted: v.optional(v.number()), // programs whose completion criteria were met
});

/** What engagement scoring reads for one member of one org (all from maintained counters). */
export const engagementSignalsValidator = v.object({
  eventsAttended: v.number(),
  eventsRsvped: v.number(),
  totalOrgEvents: v.number(),
  profileCompleteness: v.number(), // 0–100
  lastActivityAt: v.number(), // 0 = never
  membershipDurationDays: v.number(),
  // Added with engagement scoring; absent on rows written before.
  attendedVerified: v.optional(v.number()), // a check-in or an admin's mark
  attendedSelfReported: v.optional(v.number()), // on the member's word only
  noShows: v.optional(v.number()), // said going, did not come
  recentAttended: v.optional(v.number()), // of the org's last `recentEvents` past events
  recentEvents: v.optional(v.number()), // how many past events that window holds (≤ 10)
  programSessions: v.optional(v.number()), // program sessions attended
  programsCompleted: v.optional(v.number()), // programs completed
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
    /** An http(s) contact link (a form, a chat) shown beside or instead of the email. */
    contactUrl: v.optional(v.string()),
    /** Public orgs: join at once or by request (absent = DEFAULT_JOIN_POLICY). */
    joinPolicy: v.optional(joinPolicyValidator),
    /** An uploaded logo (file storage); wins over logoUrl. */
    logoStorageId: v.optional(v.id("_storage")),
    visibility: visibilityValidator,
    /** IANA; new events default to it. Set on create (the admin's zone); absent on rows from before. */
    timezone: v.optional(v.string()),
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
    attendanceStats: v.optional(memberAttendanceStatsValidator),
  })
    // Member lists page in join order; by_org_user would sort them by user id.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_user", ["userId"])
    .index("by_org_user", ["orgId", "userId"])
    .index("by_org_role", ["orgId", "role"]),

  /** Someone asking to join a public org that approves its members; deleted when answered. */
  joinRequests: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    message: v.optional(v.string()),
    createdAt: v.number(),
  })
    .index("by_org_created", ["orgId", "createdAt"])
    .index("by_org_user", ["orgId", "userId"]),

  /** Uploaded images in use (an event cover or an org logo): each file is claimed once. */
  imageFiles: defineTable({
    storageId: v.id("_storage"),
    attachedBy: v.id("users"),
    attachedAt: v.number(),
  }).index("by_storage", ["storageId"]),

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
    /** An uploaded cover image (file storage). */
    coverStorageId: v.optional(v.id("_storage")),
    notifyBefore: v.optional(v.array(v.number())), // minutes before the start
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
    attendanceStats: v.optional(eventAttendanceStatsValidator),
    /** The "did you attend?" job, scheduled at end + 2 h while published. */
    attendancePrompt: v.optional(
      v.object({
        jobId: v.optional(v.id("_scheduled_functions")),
        runAt: v.number(),
        endTime: v.number(), // the end the job was scheduled for
        completedAt: v.optional(v.number()), // the first pass over the RSVPs finished
      }),
    ),
    /** A program session: the program, and the series it was created in (with its position). */
    programId: v.optional(v.id("programs")),
    series: v.optional(v.object({ seriesId: v.string(), index: v.number() })),
    /** CRM: attendees who had never attended this org before, and the rest (maintained). */
    attendeeMix: v.optional(v.object({ new: v.number(), returning: v.number() })),
  })
    .index("by_org_start", ["orgId", "startTime"])
    .index("by_org_end", ["orgId", "endTime"])
    .index("by_status_start", ["status", "startTime"])
    .index("by_program_start", ["programId", "startTime"]),

  eventAttendance: defineTable({
    eventId: v.id("events"),
    userId: v.id("users"),
    rsvpStatus: rsvpStatusValidator,
    rsvpAt: v.number(), // the latest RSVP change
    waitlistOrder: v.optional(v.number()), // set while waitlisted: the queue order (events.waitlistSeq)
    waitlistedAt: v.optional(v.number()),
    promotedFromWaitlistAt: v.optional(v.number()),
    attended: v.optional(v.boolean()), // the effective answer; undefined = nothing recorded
    attendedConfirmedAt: v.optional(v.number()), // when the effective answer was last recorded
    feedback: v.optional(
      v.object({
        rating: v.optional(v.number()), // 1–5
        comment: v.optional(v.string()),
        submittedAt: v.number(),
        updatedAt: v.optional(v.number()),
        anonymous: v.optional(v.boolean()), // hide the name from admins
      }),
    ),
    /** The display name when the row was written (the door list searches it). */
    name: v.optional(v.string()),
    /** This RSVP counted once in orgMemberships.attendanceStats.rsvped. */
    rsvpCounted: v.optional(v.boolean()),
    /** Came without an RSVP (added at the door, or checked in at the venue). */
    walkIn: v.optional(v.boolean()),
    /** The verified record: a check-in (door or venue) or an admin's mark. */
    mark: v.optional(markValidator),
    /** The member's own answer to "did you make it?". */
    selfReport: v.optional(v.object({ attended: v.boolean(), at: v.number() })),
    // Derived from mark and selfReport in the same write (attendance/model.ts).
    state: v.optional(attendanceStateValidator),
    source: v.optional(attendanceSourceValidator),
    disputed: v.optional(v.boolean()),
    /** Prompts sent for this event, the last one's time, and whether the member deferred. */
    prompt: v.optional(
      v.object({
        sent: v.number(),
        lastSentAt: v.optional(v.number()),
        deferredAt: v.optional(v.number()),
        dismissedAt: v.optional(v.number()),
      }),
    ),
    /** Set while a prompt waits for the member's answer (the dashboard card). */
    promptPendingAt: v.optional(v.number()),
    /** Set while a deferred prompt is due (the backstop sweep reads it). */
    promptDueAt: v.optional(v.number()),
    /** Set while there is a record to show in the member's history: the event's end. */
    historyAt: v.optional(v.number()),
    /** Set while the feedback has a comment (the admin's comment list, newest first). */
    commentAt: v.optional(v.number()),
    /** CRM: while attended, whether it was the person's first attendance in the org (events.attendeeMix). */
    attendeeKind: v.optional(v.union(v.literal("new"), v.literal("returning"))),
  })
    // Attendees in RSVP order.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_event", ["eventId"])
    .index("by_event_user", ["eventId", "userId"])
    // One status at a time; the waitlist in queue order (first come, first served).
    .index("by_event_status_order", ["eventId", "rsvpStatus", "waitlistOrder"])
    .index("by_event_walk_in", ["eventId", "walkIn"])
    .index("by_event_state", ["eventId", "state"])
    .index("by_event_disputed", ["eventId", "disputed"])
    .index("by_event_comment", ["eventId", "commentAt"])
    .index("by_user_history", ["userId", "historyAt"])
    .index("by_user_prompt", ["userId", "promptPendingAt"])
    .index("by_prompt_due", ["promptDueAt"])
    .searchIndex("search_name", { searchField: "name", filterFields: ["eventId"] }),

  /**
   * Programs (reading groups, fellowships, courses). Sessions are events with `programId`;
   * participation is their attendance records. Counters are maintained in the same transaction
   * as what changes them: enrolledCount/pendingCount by enrollment, sessionCount by sessions
   * created or cancelled.
   */
  programs: defineTable({
    orgId: v.id("organizations"),
    name: v.string(),
    description: v.optional(v.string()), // markdown, rendered safely
    kind: programKindValidator,
    startDate: v.string(), // "YYYY-MM-DD", in `timezone`
    endDate: v.string(),
    timezone: v.string(), // IANA: sessions' wall-clock times
    capacity: v.optional(v.number()),
    enrollmentMode: enrollmentModeValidator,
    status: programStatusValidator,
    /** Attend at least this many sessions (absent = all of them); excused counts when countExcused. */
    minAttended: v.optional(v.number()),
    countExcused: v.boolean(),
    enrolledCount: v.number(),
    pendingCount: v.number(),
    sessionCount: v.number(), // sessions not cancelled
    seriesSeq: v.number(),
    createdBy: v.id("users"),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_org_start", ["orgId", "startDate"]),

  /**
   * One person's place in a program. `attended` / `excused` count their session attendance
   * records (maintained by the attendance writes, never counted by scanning); `completedAt` is
   * set while the criteria are met; `atRiskAt` while they are past the allowed absences.
   */
  programEnrollments: defineTable({
    programId: v.id("programs"),
    orgId: v.id("organizations"),
    userId: v.id("users"),
    status: enrollmentStatusValidator,
    name: v.string(), // display name when enrolled (the matrix's rows)
    appliedAt: v.optional(v.number()),
    enrolledAt: v.optional(v.number()),
    leftAt: v.optional(v.number()),
    attended: v.number(),
    excused: v.number(),
    completedAt: v.optional(v.number()),
    atRiskAt: v.optional(v.number()),
    atRiskEmailedAt: v.optional(v.number()),
  })
    .index("by_program_status", ["programId", "status"])
    .index("by_program_user", ["programId", "userId"])
    .index("by_user_status", ["userId", "status"])
    .index("by_org_user", ["orgId", "userId"]),

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
    score: v.number(), // 0–100, the computed score (an override does not change it)
    level: engagementLevelValidator, // the computed level
    overrideLevel: v.optional(engagementLevelValidator),
    overrideReason: v.optional(v.string()),
    overrideBy: v.optional(v.id("users")),
    overrideAt: v.optional(v.number()),
    computedAt: v.number(),
    modelVersion: v.string(), // the model id, or "rules-v1"
    signals: engagementSignalsValidator,
    // Engagement scoring (absent on rows written before it).
    /** Hash of the signals: an unchanged member is recognised and carried over. */
    signalsHash: v.optional(v.string()),
    explanation: v.optional(v.string()),
    /** Who computed `level`: the model or the rules (fallback or not). */
    source: v.optional(engagementSourceValidator),
    /** Why the rules stood in for the model for this member. */
    fallbackReason: v.optional(v.string()),
    ruleScore: v.optional(v.number()),
    ruleLevel: v.optional(engagementLevelValidator),
    /** When the computed level last dropped (demotions at most once per cooldown). */
    lastDemotedAt: v.optional(v.number()),
    /** The level every view, filter and export uses: the override if any, else `level`. */
    effectiveLevel: v.optional(engagementLevelValidator),
    /** "override" while overridden, else `source`. */
    effectiveSource: v.optional(engagementSourceValidator),
    runId: v.optional(v.id("engagementRuns")),
  })
    .index("by_org_user", ["orgId", "userId"])
    .index("by_org_level", ["orgId", "effectiveLevel"])
    .index("by_org_source_level", ["orgId", "effectiveSource", "effectiveLevel"]),

  /** Every computed level change and every override, per member (the record's timeline). */
  engagementHistory: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    at: v.number(),
    kind: v.union(v.literal("computed"), v.literal("override"), v.literal("override_cleared")),
    level: v.optional(engagementLevelValidator),
    score: v.optional(v.number()),
    source: v.optional(engagementSourceValidator),
    reason: v.optional(v.string()), // the override reason
    explanation: v.optional(v.string()),
    by: v.optional(v.id("users")),
    runId: v.optional(v.id("engagementRuns")),
  }).index("by_org_user_at", ["orgId", "userId", "at"]),

  /** One scoring run of one org: progress while it runs, tokens and cost afterwards. */
  engagementRuns: defineTable({
    orgId: v.id("organizations"),
    trigger: v.union(v.literal("cron"), v.literal("manual")),
    requestedBy: v.optional(v.id("users")),
    mode: engagementRunModeValidator,
    rulesReason: v.optional(engagementRulesReasonValidator),
    status: engagementRunStatusValidator,
    startedAt: v.number(),
    finishedAt: v.optional(v.number()),
    /** Pages the members (by_org); null once every member was read. */
    cursor: v.union(v.string(), v.null()),
    pagingDone: v.boolean(),
    totalOrgEvents: v.number(),
    recentEventIds: v.array(v.id("events")),
    membersTotal: v.number(), // the org's member count at the start
    membersDone: v.number(), // members scored so far (rules, carried over or model)
    sentToModel: v.number(),
    carriedOver: v.number(),
    fallbacks: v.number(),
    chunksTotal: v.number(),
    chunksDone: v.number(),
    llmRequests: v.number(),
    inputTokens: v.number(),
    outputTokens: v.number(),
    estimatedCostUsd: v.number(),
    batchId: v.optional(v.string()),
    error: v.optional(v.string()),
  }).index("by_org_started", ["orgId", "startedAt"]),

  /** Members waiting for the model within a run (about 25 per request). */
  engagementChunks: defineTable({
    runId: v.id("engagementRuns"),
    orgId: v.id("organizations"),
    customId: v.string(), // the batch request's custom_id
    members: v.array(
      v.object({
        userId: v.id("users"),
        ref: v.string(), // the opaque reference sent to the model
        signals: engagementSignalsValidator,
        signalsHash: v.string(),
      }),
    ),
    /** filling: topped up by the next page; pending: waiting for (or at) the model. */
    status: v.union(v.literal("filling"), v.literal("pending"), v.literal("done")),
  })
    .index("by_run_status", ["runId", "status"])
    .index("by_run_custom", ["runId", "customId"]),

  /** Per org: the level distribution (maintained on every score write), budget and spend. */
  engagementOrgStats: defineTable({
    orgId: v.id("organizations"),
    levelCounts: v.object({
      highly_engaged: v.number(),
      engaged: v.number(),
      moderately_engaged: v.number(),
      low_engagement: v.number(),
      inactive: v.number(),
    }),
    monthlyBudgetUsd: v.number(),
    spendMonth: v.string(), // "2026-12" (UTC)
    spentUsd: v.number(), // in spendMonth
    activeRunId: v.optional(v.id("engagementRuns")),
    lastRunId: v.optional(v.id("engagementRuns")),
    /**
     * Published events ended by `pastEventsThrough`, maintained by every event write and advanced
     * by each run (engagement/eventCounter.ts); absent mark = not counted yet.
     */
    totalOrgEvents: v.optional(v.number()),
    pastEventsThrough: v.optional(v.number()),
    /** The org's last 10 past events as the last run found them (an override of an unscored member uses it). */
    recentEventIds: v.optional(v.array(v.id("events"))),
  }).index("by_org", ["orgId"]),

  // ---- CRM: member record and community stats ----

  /**
   * One member's history in one org, newest first: joined/left, RSVPs, attendance with its
   * provenance, feedback, level changes and overrides, notes. Written in the same transaction
   * as the change, so the record pages one index range instead of merging sources.
   * Feedback and notes are resolved live at read time (anonymity and edits apply at once).
   */
  memberTimeline: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    at: v.number(),
    kind: timelineKindValidator,
    eventId: v.optional(v.id("events")),
    rsvpStatus: v.optional(rsvpStatusValidator),
    state: v.optional(attendanceStateValidator),
    source: v.optional(attendanceSourceValidator),
    via: v.optional(checkInViaValidator),
    by: v.optional(v.id("users")),
    historyId: v.optional(v.id("engagementHistory")),
    noteId: v.optional(v.id("crmNotes")),
  }).index("by_org_user_at", ["orgId", "userId", "at"]),

  /** Admin notes on a member: private to the org's admins. */
  crmNotes: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"), // the member the note is about
    authorId: v.id("users"),
    body: v.string(),
    createdAt: v.number(),
    updatedAt: v.optional(v.number()),
    timelineId: v.optional(v.id("memberTimeline")),
  }),

  /**
   * Per org and UTC day: joins, leaves, and how many current members last attended that day
   * (moved when a member's last attendance moves), so stats sum at most 365 rows per range.
   */
  crmDailyStats: defineTable({
    orgId: v.id("organizations"),
    day: v.number(), // UTC midnight, ms
    joins: v.number(),
    leaves: v.number(),
    lastSeen: v.number(),
  }).index("by_org_day", ["orgId", "day"]),

  // ---- end CRM: member record and community stats ----

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

  // ---- CRM: directory, tags, export ----

  /**
   * The admin directory, denormalized so every offered filter and sort is an index range (see
   * convex/crm/directoryPlan.ts). One row per member and facet: `facet` "all" for everyone, plus
   * "tag:<id>", "stage:<stage>", "city:<key>" and "skill:<key>" rows for each tag and each
   * profile value the member shares (unshared values get no row, so they cannot be filtered on).
   * Rewritten by convex/crm/directorySync.ts on every change it depends on.
   */
  memberDirectory: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    facet: v.string(),
    name: v.string(),
    nameKey: v.string(), // lower-cased name: the name sort
    role: orgRoleValidator,
    level: v.optional(engagementLevelValidator), // the effective level (override wins); absent = not scored
    joinedAt: v.number(),
    eventsAttended: v.number(),
    lastAttendedAt: v.number(), // the last attended event's end; 0 = never
    tagIds: v.array(v.id("orgTags")),
  })
    .index("by_org_user", ["orgId", "userId", "facet"])
    .index("by_f_name", ["orgId", "facet", "nameKey"])
    .index("by_f_joined", ["orgId", "facet", "joinedAt"])
    .index("by_f_last", ["orgId", "facet", "lastAttendedAt"])
    .index("by_f_events", ["orgId", "facet", "eventsAttended"])
    .index("by_f_level_name", ["orgId", "facet", "level", "nameKey"])
    .index("by_f_level_joined", ["orgId", "facet", "level", "joinedAt"])
    .index("by_f_level_last", ["orgId", "facet", "level", "lastAttendedAt"])
    .index("by_f_level_events", ["orgId", "facet", "level", "eventsAttended"])
    .index("by_f_role_name", ["orgId", "facet", "role", "nameKey"])
    .index("by_f_role_joined", ["orgId", "facet", "role", "joinedAt"])
    .index("by_f_role_last", ["orgId", "facet", "role", "lastAttendedAt"])
    .index("by_f_role_events", ["orgId", "facet", "role", "eventsAttended"])
    .index("by_f_role_level_name", ["orgId", "facet", "role", "level", "nameKey"])
    .index("by_f_role_level_joined", ["orgId", "facet", "role", "level", "joinedAt"])
    .index("by_f_role_level_last", ["orgId", "facet", "role", "level", "lastAttendedAt"])
    .index("by_f_role_level_events", ["orgId", "facet", "role", "level", "eventsAttended"])
    .searchIndex("search_name", { searchField: "name", filterFields: ["orgId", "facet", "level", "role"] }),

  /** An org's tags (admins define them). */
  orgTags: defineTable({
    orgId: v.id("organizations"),
    name: v.string(),
    nameKey: v.string(), // lower-cased: names are unique per org
    color: tagColorValidator,
    createdBy: v.id("users"),
    createdAt: v.number(),
  }).index("by_org_name", ["orgId", "nameKey"]),

  /** A tag on a member. */
  memberTagAssignments: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    tagId: v.id("orgTags"),
    by: v.id("users"),
    at: v.number(),
  })
    .index("by_org_user", ["orgId", "userId"])
    .index("by_tag_user", ["tagId", "userId"]),

  /** A started export: the chunk queries accept only a live ticket of the admin who started it. */
  directoryExports: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    createdAt: v.number(),
    expiresAt: v.number(),
  }),
  // ---- end CRM: directory, tags, export ----
});
