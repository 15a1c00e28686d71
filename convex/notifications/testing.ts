// Fixtures for the notifications tests: a world written straight to the database, so tests
// control every time and preference. No Convex functions here and only type imports from
// test.setup, so the file is harmless wherever convex/ is loaded as modules.
import type { Doc, Id } from "../_generated/dataModel";
import { DEFAULT_REMINDER_TIMES, defaultNotificationPreferences } from "../lib/vocabulary";
import type { TestBackend } from "../test.setup";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type Prefs = Doc<"profiles">["notificationPreferences"];
type RsvpStatus = Doc<"eventAttendance">["rsvpStatus"];

export function prefs(overrides: Partial<Prefs> = {}): Prefs {
  return { ...defaultNotificationPreferences("UTC"), ...overrides };
}

let counter = 0;

/** A user with a profile (and, if given, notification settings). */
export async function addPerson(
  t: TestBackend,
  fields: {
    name?: string;
    email?: string | null;
    prefs?: Partial<Prefs>;
    settings?: Partial<Pick<Doc<"notificationSettings">, "announcements" | "eventTypes" | "mutedOrgIds">>;
  } = {},
) {
  counter += 1;
  const name = fields.name ?? `Person ${counter}`;
  return await t.run(async (ctx) => {
    const userId = await ctx.db.insert("users", {
      name,
      ...(fields.email === null ? {} : { email: fields.email ?? `person${counter}@example.com` }),
    });
    const p = prefs(fields.prefs);
    await ctx.db.insert("profiles", {
      userId,
      name,
      skills: [],
      timezone: p.timezone,
      notificationPreferences: p,
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: false,
      completeness: 20,
      updatedAt: Date.now(),
    });
    if (fields.settings !== undefined) {
      await ctx.db.insert("notificationSettings", {
        userId,
        announcements: "digest",
        mutedOrgIds: [],
        ...fields.settings,
        updatedAt: Date.now(),
      });
    }
    return userId;
  });
}

/** Signs in as an existing user. */
export async function as(t: TestBackend, userId: Id<"users">) {
  const sessionId = await t.run(async (ctx) =>
    ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 30 * DAY }),
  );
  return t.withIdentity({ subject: `${userId}|${sessionId}` });
}

export async function addOrg(t: TestBackend, adminId: Id<"users">, name = "Safety Hub") {
  counter += 1;
  return await t.run(async (ctx) => {
    const orgId = await ctx.db.insert("organizations", {
      name,
      slug: `org-${counter}`,
      visibility: "public",
      memberCount: 1,
      createdBy: adminId,
      createdAt: Date.now(),
    });
    await ctx.db.insert("orgMemberships", { orgId, userId: adminId, role: "admin", joinedAt: Date.now() });
    return orgId;
  });
}

export async function addMember(t: TestBackend, orgId: Id<"organizations">, userId: Id<"users">) {
  await t.run(async (ctx) => {
    await ctx.db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
  });
}

export async function addEvent(
  t: TestBackend,
  orgId: Id<"organizations">,
  createdBy: Id<"users">,
  fields: Partial<Doc<"events">> = {},
) {
  return await t.run(async (ctx) => {
    const now = Date.now();
    const startTime = fields.startTime ?? now + 2 * DAY;
    return await ctx.db.insert("events", {
      orgId,
      title: "Reading group",
      eventType: "reading_group",
      location: "The Library",
      onlineUrl: "https://meet.example.org/abc",
      startTime,
      endTime: startTime + 2 * HOUR,
      timezone: "Europe/London",
      notifyBefore: [...DEFAULT_REMINDER_TIMES],
      status: "published",
      publishedAt: now,
      goingCount: 0,
      maybeCount: 0,
      waitlistCount: 0,
      waitlistSeq: 0,
      sequence: 0,
      createdBy,
      createdAt: now,
      updatedAt: now,
      ...fields,
    });
  });
}

export async function addRsvp(t: TestBackend, eventId: Id<"events">, userId: Id<"users">, rsvpStatus: RsvpStatus) {
  await t.run(async (ctx) => {
    await ctx.db.insert("eventAttendance", {
      eventId,
      userId,
      rsvpStatus,
      rsvpAt: Date.now(),
      ...(rsvpStatus === "waitlisted" ? { waitlistOrder: 1, waitlistedAt: Date.now() } : {}),
    });
  });
}

export async function emailsTo(t: TestBackend, userId: Id<"users">) {
  return await t.run(async (ctx) => (await ctx.db.query("emails").collect()).filter((e) => e.userId === userId));
}

export async function allEmails(t: TestBackend) {
  return await t.run(async (ctx) => await ctx.db.query("emails").collect());
}

/**
 * Runs scheduled functions in time order under fake timers: fires the next timer, lets what it
 * started finish, then moves on. (convex-test's finishAllScheduledFunctions keeps advancing the
 * clock while functions run, so with several jobs at different times a later one's time would
 * leak into an earlier one.) Stops before any timer due after `until`, when given.
 */
export async function runScheduled(
  t: TestBackend,
  { until, maxSteps = 5000 }: { until?: number; maxSteps?: number } = {},
) {
  const { vi } = await import("vitest");
  for (let step = 0; step < maxSteps && vi.getTimerCount() > 0; step++) {
    if (until !== undefined) {
      // Advance a minute at a time near the bound, so nothing due after it fires.
      if (Date.now() >= until) return;
      vi.advanceTimersByTime(Math.min(60_000, until - Date.now()));
    } else {
      vi.advanceTimersToNextTimer();
    }
    await t.finishInProgressScheduledFunctions();
  }
}
