// The vocabulary the backend and the app share: field limits, enums with their labels,
// defaults and error codes. Pure (no Convex server imports), so src/ imports it as it is; the
// schema builds its validators from these lists, and types come from the validators.
import type { literals as helpersLiterals } from "convex-helpers/validators";
import { type Infer, v } from "convex/values";

import { EVENT_TYPES, RSVP_STATUSES } from "./eventLabels";

// convex-helpers' literals(), written here and taking the list itself: its module builds a
// validator when it loads, and a spread argument is kept as a possible side effect, either of
// which would keep `v` in the app's first load. The validators below are marked pure, so the app
// (which imports labels and limits, never validators) drops them.
function literals<const T extends readonly (string | number | boolean | bigint)[]>(
  values: T,
): ReturnType<typeof helpersLiterals<[...T]>> {
  return v.union(...values.map((value) => v.literal(value))) as never;
}

// ---- Errors ----

// The error codes and the rate-limit wording live apart (./errorCodes) so the app's first load can
// import them without this whole module.
export {
  type AppErrorData,
  describeWait,
  ERROR_CODES,
  type ErrorCode,
  isErrorCode,
  rateLimitMessage,
} from "./errorCodes";
export { EVENT_TYPE_LABELS, EVENT_TYPES, RSVP_LABELS, RSVP_STATUSES } from "./eventLabels";

/** The largest request body the HTTP routes read (unsubscribe forms, delivery webhooks); larger ones get 413. */
export const MAX_HTTP_BODY_BYTES = 256 * 1024;

// ---- Field limits (characters unless said otherwise) ----

export const LIMITS = {
  name: 100,
  email: 254,
  password: { min: 8, max: 128 },
  headline: 160,
  description: 2000,
  city: 100,
  url: 2048,
  skill: 40,
  skills: 20,
  slug: { min: 3, max: 48 },
  timezone: 64,
} as const;

export const EVENT_LIMITS = {
  title: 200,
  description: 10_000,
  venue: 300,
  cancelReason: 500,
  capacity: 100_000,
  notifyBeforeCount: 10,
  notifyBeforeMaxMinutes: 4 * 7 * 24 * 60, // four weeks
  /** Longest event. Also bounds how far back "upcoming" scans look for events still running. */
  maxDurationMs: 7 * 24 * 60 * 60 * 1000,
  /** Events start and end on or after this instant (2020-01-01T00:00Z)… */
  earliestTime: Date.UTC(2020, 0, 1),
  /** …and at most this many years after now. */
  maxYearsAhead: 5,
} as const;

// ---- Rate limits ----

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Named limits for what a script could otherwise repeat at will (@convex-dev/rate-limiter
 * configurations). A token bucket allows a burst of `capacity`, refilled at `rate` per
 * `period`. Generous enough for people and the demo seed, far below what a loop can do.
 */
export const RATE_LIMITS = {
  /** Sign-ups per email address. */
  signUpPerEmail: { kind: "token bucket", rate: 5, period: HOUR_MS, capacity: 5 },
  /**
   * Sign-ups across the whole deployment: room for an event link shared to a big list (a couple
   * of hundred people signing up within minutes), still far below what a script can do.
   */
  signUpGlobal: { kind: "token bucket", rate: 600, period: HOUR_MS, capacity: 200 },
  /**
   * Sign-in attempts per email address, successful or not: never looser than Convex Auth's own
   * lockout of known accounts, so an unknown email and a locked account are refused alike.
   */
  signInPerEmail: { kind: "token bucket", rate: 10, period: HOUR_MS, capacity: 10 },
  /** Sign-in attempts across the whole deployment. */
  signInGlobal: { kind: "token bucket", rate: 3000, period: HOUR_MS, capacity: 300, shards: 4 },
  /** New organizations per user. */
  createOrg: { kind: "token bucket", rate: 10, period: HOUR_MS, capacity: 10 },
  /** New invite links per admin (creating and regenerating). */
  createInvite: { kind: "token bucket", rate: 60, period: HOUR_MS, capacity: 20 },
  /** RSVP changes per user. */
  rsvp: { kind: "token bucket", rate: 60, period: 10 * MINUTE_MS, capacity: 20 },
  /** Event feedback per user. */
  feedback: { kind: "token bucket", rate: 30, period: HOUR_MS, capacity: 10 },
  /** Joining, applying to and leaving programs, per user. */
  programEnrollment: { kind: "token bucket", rate: 30, period: HOUR_MS, capacity: 10 },
  /** Participants an admin adds to programs by hand (each add RSVPs to every session). */
  programAddParticipant: { kind: "token bucket", rate: 300, period: HOUR_MS, capacity: 60 },
  /** Member-list exports per admin. */
  export: { kind: "token bucket", rate: 10, period: HOUR_MS, capacity: 5 },
  /** Joining public orgs and asking to join them, per user. */
  joinOrg: { kind: "token bucket", rate: 20, period: HOUR_MS, capacity: 10 },
  /** Upload URLs for images, per user. */
  upload: { kind: "token bucket", rate: 30, period: HOUR_MS, capacity: 10 },
  /** Password-reset codes sent per email address (each one is an email). */
  passwordResetPerEmail: { kind: "token bucket", rate: 3, period: HOUR_MS, capacity: 3 },
  /** Password-reset requests across the whole deployment. */
  passwordResetGlobal: { kind: "token bucket", rate: 300, period: HOUR_MS, capacity: 60 },
  /** Password changes (each checks the current password) per user. */
  changePassword: { kind: "token bucket", rate: 10, period: HOUR_MS, capacity: 5 },
  // ---- CRM: member record ----
  /** Admin notes written or edited per admin. */
  crmNote: { kind: "token bucket", rate: 120, period: HOUR_MS, capacity: 30 },
  // ---- end CRM: member record ----
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

/** Convex Auth's own lockout: failed password attempts per account and hour. */
export const MAX_FAILED_SIGN_INS_PER_HOUR = RATE_LIMITS.signInPerEmail.capacity;

// ---- Orgs and profiles ----

export const ORG_ROLES = ["admin", "member"] as const;
export const orgRoleValidator = /* @__PURE__ */ literals(ORG_ROLES);
export type OrgRole = Infer<typeof orgRoleValidator>;
export const ORG_ROLE_LABELS: Record<OrgRole, string> = { admin: "Admin", member: "Member" };

export const VISIBILITIES = ["public", "private"] as const;
export const visibilityValidator = /* @__PURE__ */ literals(VISIBILITIES);
export type Visibility = Infer<typeof visibilityValidator>;

/**
 * How people join a public org: at once ("open") or by asking an admin ("request"). Private
 * orgs are joined only through an invite link.
 */
export const JOIN_POLICIES = ["open", "request"] as const;
export const joinPolicyValidator = /* @__PURE__ */ literals(JOIN_POLICIES);
export type JoinPolicy = Infer<typeof joinPolicyValidator>;
export const DEFAULT_JOIN_POLICY: JoinPolicy = "open";

export const JOIN_REQUEST_LIMITS = { message: 500 } as const;

/** Images people upload (event covers, org logos), checked on the server from the file's bytes. */
export const IMAGE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  types: ["image/png", "image/jpeg", "image/webp", "image/gif"],
} as const;

export const CAREER_STAGES = ["student", "early_career", "mid_career", "senior", "career_transition", "other"] as const;
export const careerStageValidator = /* @__PURE__ */ literals(CAREER_STAGES);
export type CareerStage = Infer<typeof careerStageValidator>;
export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  student: "Student",
  early_career: "Early career",
  mid_career: "Mid career",
  senior: "Senior",
  career_transition: "Changing careers",
  other: "Other",
};

// ---- Events ----

export const eventTypeValidator = /* @__PURE__ */ literals(EVENT_TYPES);
export type EventType = Infer<typeof eventTypeValidator>;

export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export const eventStatusValidator = /* @__PURE__ */ literals(EVENT_STATUSES);
export type EventStatus = Infer<typeof eventStatusValidator>;

export const rsvpStatusValidator = /* @__PURE__ */ literals(RSVP_STATUSES);
export type RsvpStatus = Infer<typeof rsvpStatusValidator>;
// ---- Notifications ----

/** The reminder offsets a member or an event can choose, in minutes, longest first. */
export const REMINDER_OFFSETS = [10080, 1440, 180, 60] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];
export const REMINDER_OFFSET_LABELS: Record<ReminderOffset, string> = {
  10080: "1 week before",
  1440: "1 day before",
  180: "3 hours before",
  60: "1 hour before",
};
/** Reminders a new member and a new event start with: 1 day and 1 hour before. */
export const DEFAULT_REMINDER_TIMES: readonly number[] = [1440, 60];

/** New-event announcements: at once, in the weekly digest, or never. */
export const ANNOUNCEMENT_MODES = ["all", "digest", "none"] as const;
export const announcementModeValidator = /* @__PURE__ */ literals(ANNOUNCEMENT_MODES);
export type AnnouncementMode = Infer<typeof announcementModeValidator>;
export const DEFAULT_ANNOUNCEMENT_MODE: AnnouncementMode = "digest";

export const NOTIFICATION_KINDS = [
  "reminder",
  "announcement",
  "event_changed",
  "event_cancelled",
  "waitlist_promoted",
  "digest",
  "attendance_prompt",
  "program_at_risk",
  "account",
] as const;
export const notificationKindValidator = /* @__PURE__ */ literals(NOTIFICATION_KINDS);
export type NotificationKind = Infer<typeof notificationKindValidator>;
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  reminder: "Reminder",
  announcement: "New event",
  event_changed: "Event changed",
  event_cancelled: "Event cancelled",
  waitlist_promoted: "Off the waitlist",
  digest: "Weekly digest",
  attendance_prompt: "After-event check-in",
  program_at_risk: "Program check-in",
  account: "Account",
};

/** "recorded": stored only (no email service configured); the rest follow the Resend component. */
export const EMAIL_STATUSES = ["recorded", "queued", "sent", "delivered", "bounced", "failed"] as const;
export const emailStatusValidator = /* @__PURE__ */ literals(EMAIL_STATUSES);
export type EmailStatus = Infer<typeof emailStatusValidator>;

/** A profile's notification preferences (settings beyond them live in notificationSettings). */
const buildNotificationPreferencesValidator = () =>
  v.object({
    matchAlerts: v.object({ enabled: v.boolean() }),
    weeklyDigest: v.object({ enabled: v.boolean() }),
    timezone: v.string(),
    eventReminders: v.optional(
      v.object({
        enabled: v.boolean(),
        reminderTimes: v.array(v.number()), // minutes before the start
      }),
    ),
    orgAnnouncements: v.optional(v.object({ enabled: v.boolean() })),
    /** "After-event check-ins": the "did you make it?" prompt. Absent (older profiles) = on. */
    attendancePrompts: v.optional(v.object({ enabled: v.boolean() })),
  });
export const notificationPreferencesValidator = /* @__PURE__ */ buildNotificationPreferencesValidator();

export type NotificationPreferences = Infer<typeof notificationPreferencesValidator>;

/** The preferences a member has before saving any settings. */
export function defaultNotificationPreferences(timezone: string): NotificationPreferences {
  return {
    matchAlerts: { enabled: true },
    weeklyDigest: { enabled: true },
    timezone,
    eventReminders: { enabled: true, reminderTimes: [...DEFAULT_REMINDER_TIMES] },
    orgAnnouncements: { enabled: true },
    attendancePrompts: { enabled: true },
  };
}

export const ATTENDANCE_PROMPTS_LABEL = "After-event check-ins";

// ---- Attendance and engagement ----

/** What happened at an event for one person, whoever recorded it. */
export const ATTENDANCE_STATES = ["attended", "no_show", "excused", "unknown"] as const;
export const attendanceStateValidator = /* @__PURE__ */ literals(ATTENDANCE_STATES);
export type AttendanceState = Infer<typeof attendanceStateValidator>;
export const ATTENDANCE_STATE_LABELS: Record<AttendanceState, string> = {
  attended: "Attended",
  no_show: "No-show",
  excused: "Excused",
  unknown: "Unknown",
};

/** Who recorded an attendance state; an admin's mark or a check-in outranks a self-report. */
export const ATTENDANCE_SOURCES = ["check_in", "admin", "self_report"] as const;
export const attendanceSourceValidator = /* @__PURE__ */ literals(ATTENDANCE_SOURCES);
export type AttendanceSource = Infer<typeof attendanceSourceValidator>;
export const ATTENDANCE_SOURCE_LABELS: Record<AttendanceSource, string> = {
  check_in: "Checked in at the door",
  admin: "Marked by an admin",
  self_report: "Confirmed by the member",
};

/** How a check-in happened: at the door by an admin, or by the member scanning the venue code. */
export const CHECK_IN_VIAS = ["door", "self"] as const;
export const checkInViaValidator = /* @__PURE__ */ literals(CHECK_IN_VIAS);
export type CheckInVia = Infer<typeof checkInViaValidator>;
export const CHECK_IN_VIA_LABELS: Record<CheckInVia, string> = {
  door: "Checked in at the door",
  self: "Checked in at the venue",
};

/** What an admin may record on the attendance sheet ("unknown" clears their mark). */
export const ATTENDANCE_MARKS = ATTENDANCE_STATES;

export const ATTENDANCE_LIMITS = {
  /** Feedback comment, characters. */
  feedbackComment: 2000,
  ratingMin: 1,
  ratingMax: 5,
  /** Feedback can be given and edited this long after the event ends. */
  feedbackWindowMs: 14 * 24 * 60 * 60 * 1000,
  /** Below this many responses the admin summary shows no average. */
  minResponsesForAverage: 3,
  /** Check-in opens this long before the start ... */
  checkInOpensBeforeMs: 2 * 60 * 60 * 1000,
  /** ... and closes this long after the end. */
  checkInClosesAfterMs: 12 * 60 * 60 * 1000,
  /** The first "did you attend?" prompt goes out this long after the end. */
  promptDelayMs: 2 * 60 * 60 * 1000,
  /** "Ask me later" asks again after this long. */
  promptDeferMs: 24 * 60 * 60 * 1000,
  /** Prompts per member per event, the deferred one included. */
  maxPrompts: 2,
  /** Prompt links (and the in-app prompt) stay usable this long after the end. */
  promptAnswerWindowMs: 14 * 24 * 60 * 60 * 1000,
} as const;

/** Most to least engaged. */
export const ENGAGEMENT_LEVELS = [
  "highly_engaged",
  "engaged",
  "moderately_engaged",
  "low_engagement",
  "inactive",
] as const;
export const engagementLevelValidator = /* @__PURE__ */ literals(ENGAGEMENT_LEVELS);
export type EngagementLevel = Infer<typeof engagementLevelValidator>;
export const ENGAGEMENT_LEVEL_LABELS: Record<EngagementLevel, string> = {
  highly_engaged: "Highly engaged",
  engaged: "Engaged",
  moderately_engaged: "Moderately engaged",
  low_engagement: "Low engagement",
  inactive: "Inactive",
};

/** Where a member's effective level comes from (the admin list filters on it). */
export const ENGAGEMENT_SOURCES = ["model", "rules", "override"] as const;
export const engagementSourceValidator = /* @__PURE__ */ literals(ENGAGEMENT_SOURCES);
export type EngagementSource = Infer<typeof engagementSourceValidator>;
export const ENGAGEMENT_SOURCE_LABELS: Record<EngagementSource, string> = {
  model: "Scored by Claude",
  rules: "Rule-based score",
  override: "Set by an admin",
};

/** How a run scores: the model (directly or through the batch API) or the rules alone. */
export const ENGAGEMENT_RUN_MODES = ["model_direct", "model_batch", "rules"] as const;
export const engagementRunModeValidator = /* @__PURE__ */ literals(ENGAGEMENT_RUN_MODES);
export type EngagementRunMode = Infer<typeof engagementRunModeValidator>;

export const ENGAGEMENT_RUN_STATUSES = ["running", "waiting_for_batch", "completed", "failed"] as const;
export const engagementRunStatusValidator = /* @__PURE__ */ literals(ENGAGEMENT_RUN_STATUSES);
export type EngagementRunStatus = Infer<typeof engagementRunStatusValidator>;

/** Why a run used the rules for everyone. */
export const ENGAGEMENT_RULES_REASONS = ["no_api_key", "over_budget"] as const;
export const engagementRulesReasonValidator = /* @__PURE__ */ literals(ENGAGEMENT_RULES_REASONS);
export type EngagementRulesReason = Infer<typeof engagementRulesReasonValidator>;
export const ENGAGEMENT_RULES_REASON_LABELS: Record<EngagementRulesReason, string> = {
  no_api_key: "No Anthropic API key is configured, so the rule-based scorer ran.",
  over_budget: "This month's budget is spent, so the rule-based scorer ran.",
};

export const ENGAGEMENT_LIMITS = {
  /** Override reason, characters (required). */
  overrideReason: 500,
  /** A model explanation, characters. */
  explanation: 300,
  /** Members per model request. */
  membersPerRequest: 25,
  /** A level may drop at most once in this long (promotions apply at once). */
  demotionCooldownMs: 28 * 24 * 60 * 60 * 1000,
  /** The default monthly model budget per org, USD. */
  defaultMonthlyBudgetUsd: 1,
  maxMonthlyBudgetUsd: 1000,
  /** "Recent attendance" looks at this many of the org's latest past events. */
  recentEvents: 10,
} as const;

// ---- CRM: directory, tags, export ----

/** Colours an org's tags may take (the app maps each to its own classes). */
export const TAG_COLORS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export const tagColorValidator = /* @__PURE__ */ literals(TAG_COLORS);
export type TagColor = Infer<typeof tagColorValidator>;

export const CRM_LIMITS = {
  /** Tags per org. */
  tagsPerOrg: 50,
  /** Tags on one member. */
  tagsPerMember: 10,
  tagName: 40,
  /** Members one bulk tag assignment may touch. */
  bulkTagMembers: 100,
  /** Directory page size, at most. */
  directoryPage: 100,
  /** Members per export chunk (one query each). */
  exportChunk: 500,
  /** An export ticket is good for this long. */
  exportTtlMs: 15 * 60 * 1000,
  /** A shared skill value is indexed for filtering up to this many skills per member. */
  indexedSkills: 20,
} as const;

export const DIRECTORY_SORTS = ["name", "joined", "lastAttended", "events"] as const;
export const directorySortValidator = /* @__PURE__ */ literals(DIRECTORY_SORTS);
export type DirectorySort = Infer<typeof directorySortValidator>;
export const DIRECTORY_SORT_LABELS: Record<DirectorySort, string> = {
  name: "Name",
  joined: "Joined",
  lastAttended: "Last attended",
  events: "Events attended",
};

/** The one profile- or tag-based facet a directory query may filter on. */
export const DIRECTORY_FACET_KINDS = ["tag", "stage", "city", "skill"] as const;
export const directoryFacetKindValidator = /* @__PURE__ */ literals(DIRECTORY_FACET_KINDS);
export type DirectoryFacetKind = Infer<typeof directoryFacetKindValidator>;
// ---- Programs ----

export const PROGRAM_KINDS = ["reading_group", "fellowship", "course", "other"] as const;
export const programKindValidator = /* @__PURE__ */ literals(PROGRAM_KINDS);
export type ProgramKind = Infer<typeof programKindValidator>;
export const PROGRAM_KIND_LABELS: Record<ProgramKind, string> = {
  reading_group: "Reading group",
  fellowship: "Fellowship",
  course: "Course",
  other: "Other",
};

export const PROGRAM_STATUSES = ["draft", "active", "completed"] as const;
export const programStatusValidator = /* @__PURE__ */ literals(PROGRAM_STATUSES);
export type ProgramStatus = Infer<typeof programStatusValidator>;
export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: "Draft",
  active: "Active",
  completed: "Completed",
};

/** How people get into a program: added by admins, join freely, or apply and wait for approval. */
export const ENROLLMENT_MODES = ["admin", "open", "apply"] as const;
export const enrollmentModeValidator = /* @__PURE__ */ literals(ENROLLMENT_MODES);
export type EnrollmentMode = Infer<typeof enrollmentModeValidator>;
export const ENROLLMENT_MODE_LABELS: Record<EnrollmentMode, string> = {
  admin: "Admins add people",
  open: "Members join freely",
  apply: "Members apply, admins approve",
};

export const ENROLLMENT_STATUSES = ["pending", "enrolled", "declined", "left"] as const;
export const enrollmentStatusValidator = /* @__PURE__ */ literals(ENROLLMENT_STATUSES);
export type EnrollmentStatus = Infer<typeof enrollmentStatusValidator>;

/** One cell of the participation matrix. */
/**
 * A participant's cell per session in the matrix. "not_enrolled": the session started before
 * they enrolled (a late joiner) and has no attended/excused record: neither missed nor credited.
 */
export const SESSION_CELL_STATES = ["attended", "missed", "excused", "upcoming", "cancelled", "not_enrolled"] as const;
export type SessionCellState = (typeof SESSION_CELL_STATES)[number];
export const SESSION_CELL_LABELS: Record<SessionCellState, string> = {
  attended: "Attended",
  missed: "Missed",
  excused: "Excused",
  upcoming: "Upcoming",
  cancelled: "Cancelled",
  not_enrolled: "Not enrolled yet",
};

export const PROGRAM_LIMITS = {
  name: 120,
  description: 10_000,
  /** Participants per program: the matrix reads the whole cohort, so it is bounded. */
  maxParticipants: 500,
  /** Sessions per program (and per series). */
  maxSessions: 100,
  /** Skipped dates per series. */
  maxExdates: 100,
  rrule: 500,
  maxSessionMinutes: 12 * 60,
  /** A past session counts as missed for the at-risk flag only this long after its end (time to self-report). */
  atRiskGraceMs: 24 * 60 * 60 * 1000,
  /** "Add a member": matches per search, and the longest search text. */
  candidateResults: 10,
  candidateSearch: 100,
  /** Programs listed per org page. */
  listPageSize: 100,
} as const;

// ---- CRM: member record and community stats ----

export const CRM_RECORD_LIMITS = {
  /** An admin note, characters. */
  noteBody: 2000,
  /** Timeline entries per page. */
  timelinePage: 50,
} as const;

/** What a member-record timeline entry is about. */
export const TIMELINE_KINDS = [
  "joined",
  "left",
  "rsvp",
  "promoted",
  "attendance",
  "feedback",
  "level",
  "override",
  "override_cleared",
  "note",
] as const;
export const timelineKindValidator = /* @__PURE__ */ literals(TIMELINE_KINDS);
export type TimelineKind = Infer<typeof timelineKindValidator>;

/** The windows the community stats offer, in days. */
export const STATS_RANGES = [30, 90, 365] as const;
export type StatsRange = (typeof STATS_RANGES)[number];
export const STATS_RANGE_LABELS: Record<StatsRange, string> = {
  30: "30 days",
  90: "90 days",
  365: "12 months",
};
/** Events one stats read looks at (a range holding more shows the latest ones). */
export const STATS_MAX_EVENTS = 400;

// ---- end CRM: member record and community stats ----

// ---- CRM: programs in the directory, the export and the stats ----

/** Where a member stands in a program (the directory filter, the export, the member record). */
export const PROGRAM_PARTICIPATIONS = ["enrolled", "in_progress", "completed", "at_risk", "applied", "left"] as const;
export const programParticipationValidator = /* @__PURE__ */ literals(PROGRAM_PARTICIPATIONS);
export type ProgramParticipation = Infer<typeof programParticipationValidator>;
export const PROGRAM_PARTICIPATION_LABELS: Record<ProgramParticipation, string> = {
  enrolled: "Enrolled",
  in_progress: "In progress",
  completed: "Completed",
  at_risk: "At risk",
  applied: "Applied",
  left: "Left",
};
/** The directory's program filter: these states read one index range of the cohort ("enrolled" = all of it). */
export const PROGRAM_FILTER_STATES = ["enrolled", "in_progress", "completed", "at_risk", "applied"] as const;
export const programFilterStateValidator = /* @__PURE__ */ literals(PROGRAM_FILTER_STATES);
export type ProgramFilterState = Infer<typeof programFilterStateValidator>;

export const CRM_PROGRAM_LIMITS = {
  /** Programs of one member read for the export and the member record. */
  programsPerMember: 50,
  /** Programs in one stats read (those overlapping the range, latest start first). */
  statsPrograms: 10,
} as const;

// ---- end CRM: programs ----
