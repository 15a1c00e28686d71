import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { newTest, type TestBackend } from "../test.setup";
import { onEventCancelled, onEventPublished, onEventTimeChanged, onWaitlistPromoted } from "./hooks";
import { REMINDER_PAGE_SIZE, sendRemindersForEvent, sweepDueReminders } from "./reminders";
import {
  addEvent,
  addMember,
  addOrg,
  addPerson,
  addRsvp,
  allEmails,
  as,
  DAY,
  emailsTo,
  HOUR,
  MINUTE,
  runScheduled,
} from "./testing";

const NOW = Date.UTC(2026, 2, 2, 10, 0); // Monday 2 March 2026, 10:00 UTC

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "Date"],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

async function publish(t: TestBackend, eventId: Id<"events">) {
  await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
}

async function reminders(t: TestBackend) {
  return (await allEmails(t)).filter((e) => e.kind === "reminder");
}

/** An org with an admin, an event starting in `startIn`, and one going member. */
async function basicWorld(
  opts: { startIn?: number; notifyBefore?: number[]; memberPrefs?: Parameters<typeof addPerson>[1] } = {},
) {
  const t = newTest();
  const adminId = await addPerson(t, { name: "Admin" });
  const orgId = await addOrg(t, adminId);
  const memberId = await addPerson(t, { name: "Ada", ...opts.memberPrefs });
  await addMember(t, orgId, memberId);
  const eventId = await addEvent(t, orgId, adminId, {
    startTime: NOW + (opts.startIn ?? 2 * HOUR),
    notifyBefore: opts.notifyBefore ?? [60],
  });
  await addRsvp(t, eventId, memberId, "going");
  return { t, adminId, orgId, memberId, eventId };
}

describe("scheduling reminder jobs", () => {
  test("publishing schedules one job per future offset at start − offset and skips past ones", async () => {
    const { t, eventId } = await basicWorld({ startIn: 5 * HOUR, notifyBefore: [10080, 1440, 180, 60] });
    await publish(t, eventId);
    const jobs = await t.run(async (ctx) =>
      ctx.db
        .query("eventReminderJobs")
        .withIndex("by_event_offset", (q) => q.eq("eventId", eventId))
        .collect(),
    );
    // 1 week and 1 day before are already past; 3 h and 1 h are in the future.
    expect(jobs.map((j) => [j.offsetMinutes, j.runAt])).toEqual([
      [60, NOW + 4 * HOUR],
      [180, NOW + 2 * HOUR],
    ]);
    const states = await t.run(async (ctx) =>
      Promise.all(jobs.map(async (j) => (await ctx.db.system.get("_scheduled_functions", j.jobId!))!.state.kind)),
    );
    expect(states).toEqual(["pending", "pending"]);
  });

  test("the job sends at its time to going and maybe members who chose the offset, once each", async () => {
    const { t, orgId, adminId, memberId, eventId } = await basicWorld();
    const maybe = await addPerson(t, { name: "Maybe" });
    const notGoing = await addPerson(t, { name: "No" });
    const waitlisted = await addPerson(t, { name: "Wait" });
    const remindersOff = await addPerson(t, { prefs: { eventReminders: { enabled: false, reminderTimes: [60] } } });
    const otherOffset = await addPerson(t, { prefs: { eventReminders: { enabled: true, reminderTimes: [1440] } } });
    const muted = await addPerson(t, { settings: { mutedOrgIds: [orgId] } });
    for (const [u, s] of [
      [maybe, "maybe"],
      [notGoing, "not_going"],
      [waitlisted, "waitlisted"],
      [remindersOff, "going"],
      [otherOffset, "going"],
      [muted, "going"],
    ] as const) {
      await addMember(t, orgId, u);
      await addRsvp(t, eventId, u, s);
    }
    await publish(t, eventId);
    await runScheduled(t);
    const sent = await reminders(t);
    expect(sent.map((e) => e.userId).sort()).toEqual([memberId, maybe].sort());
    expect(sent.every((e) => e.status === "recorded")).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(NOW + HOUR); // it ran at start − 60 min
    // The in-app inbox got the same notices.
    const inbox = await t.run(async (ctx) => ctx.db.query("notifications").collect());
    expect(
      inbox
        .filter((n) => n.kind === "reminder")
        .map((n) => n.userId)
        .sort(),
    ).toEqual([memberId, maybe].sort());
    // The going member sees the online link; the maybe member does not.
    expect(sent.find((e) => e.userId === memberId)!.text).toContain("https://meet.example.org/abc");
    expect(sent.find((e) => e.userId === maybe)!.text).not.toContain("https://meet.example.org/abc");
    // The admin (not RSVP'd) got nothing.
    expect(await emailsTo(t, adminId)).toEqual([]);
    // The job is recorded as complete.
    const job = await t.run(async (ctx) => ctx.db.query("eventReminderJobs").first());
    expect(job!.completedAt).toBeDefined();
  });

  test("preferences are read at send time: turning reminders off after scheduling stops the email", async () => {
    const { t, memberId, eventId } = await basicWorld();
    await publish(t, eventId);
    await (
      await as(t, memberId)
    ).mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: {
        matchAlerts: { enabled: true },
        weeklyDigest: { enabled: true },
        timezone: "UTC",
        eventReminders: { enabled: false, reminderTimes: [60] },
      },
    });
    await runScheduled(t);
    expect(await reminders(t)).toEqual([]);
  });

  test("muting the org after scheduling stops the email; unmuting brings reminders back", async () => {
    const { t, memberId, eventId, orgId } = await basicWorld({ notifyBefore: [60, 1440], startIn: 2 * DAY });
    await publish(t, eventId);
    const member = await as(t, memberId);
    await member.mutation(api.notifications.mutations.muteOrg, { orgId });
    await vi.advanceTimersByTimeAsync(DAY + MINUTE); // past the 1-day reminder
    await t.finishInProgressScheduledFunctions();
    expect(await reminders(t)).toEqual([]);
    await member.mutation(api.notifications.mutations.unmuteOrg, { orgId });
    await runScheduled(t);
    expect((await reminders(t)).length).toBe(1); // the 1-hour one
  });
});

describe("never twice", () => {
  test("the scheduled job, then the hourly cron: one email", async () => {
    const { t, eventId } = await basicWorld();
    await publish(t, eventId);
    await runScheduled(t, { until: NOW + 90 * MINUTE }); // the reminder is due at NOW + 1 h
    expect((await reminders(t)).length).toBe(1);
    const sweep = await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    expect(sweep).toEqual({ examined: 1, started: 0 }); // complete: not even a pass
    await runScheduled(t);
    expect((await reminders(t)).length).toBe(1);
  });

  test("the cron first, then the scheduled job, both at the due time: one email", async () => {
    const { t, eventId } = await basicWorld();
    await publish(t, eventId);
    await vi.advanceTimersByTimeAsync(HOUR - 30_000); // due (within a minute), the job not yet run
    const sweep = await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    expect(sweep.started).toBe(1);
    await runScheduled(t); // runs the sweep's pass and the original job
    expect((await reminders(t)).length).toBe(1);
    const dedupe = await t.run(async (ctx) => ctx.db.query("notificationDedupe").collect());
    expect(dedupe.filter((d) => d.key.startsWith("reminder:")).length).toBe(1);
  });

  test("the cron twice (no job, e.g. it failed): one email", async () => {
    const { t, eventId } = await basicWorld();
    // No onEventPublished: nothing scheduled, only the backstop.
    await vi.advanceTimersByTimeAsync(HOUR + 30 * MINUTE);
    await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    await runScheduled(t);
    await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    await runScheduled(t);
    expect((await reminders(t)).length).toBe(1);
    expect((await reminders(t))[0]!.dedupeKey).toContain(`reminder:${eventId}:`);
  });

  test("a job that runs twice (a retry) sends once", async () => {
    const { t, eventId } = await basicWorld();
    await vi.advanceTimersByTimeAsync(HOUR);
    await t.mutation(internal.notifications.reminders.sendRemindersForEvent, { eventId, offsetMinutes: 60 });
    await t.mutation(internal.notifications.reminders.sendRemindersForEvent, { eventId, offsetMinutes: 60 });
    await runScheduled(t);
    expect((await reminders(t)).length).toBe(1);
  });

  test("the sweep leaves alone reminders that are not due, too late, or for drafts and cancelled events", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgId = await addOrg(t, adminId);
    const memberId = await addPerson(t, { prefs: { eventReminders: { enabled: true, reminderTimes: [1440, 60] } } });
    await addMember(t, orgId, memberId);
    const notDue = await addEvent(t, orgId, adminId, { startTime: NOW + 3 * HOUR, notifyBefore: [60] });
    const tooLate = await addEvent(t, orgId, adminId, { startTime: NOW + 20 * HOUR, notifyBefore: [1440] }); // due 4 h ago
    const draft = await addEvent(t, orgId, adminId, {
      startTime: NOW + 30 * MINUTE,
      notifyBefore: [60],
      status: "draft",
    });
    const cancelled = await addEvent(t, orgId, adminId, {
      startTime: NOW + 30 * MINUTE,
      notifyBefore: [60],
      status: "cancelled",
    });
    for (const e of [notDue, tooLate, draft, cancelled]) await addRsvp(t, e, memberId, "going");
    const sweep = await t.mutation(internal.notifications.reminders.sweepDueReminders, {});
    expect(sweep).toEqual({ examined: 2, started: 0 });
    await runScheduled(t);
    expect(await reminders(t)).toEqual([]);
  });
});

describe("changes, cancellations, promotions", () => {
  test("moving the event reschedules its reminders and tells going, maybe and waitlisted members", async () => {
    const { t, orgId, memberId, eventId } = await basicWorld({ startIn: 3 * HOUR });
    const maybe = await addPerson(t);
    const waitlisted = await addPerson(t);
    const notGoing = await addPerson(t);
    for (const [u, s] of [
      [maybe, "maybe"],
      [waitlisted, "waitlisted"],
      [notGoing, "not_going"],
    ] as const) {
      await addMember(t, orgId, u);
      await addRsvp(t, eventId, u, s);
    }
    await publish(t, eventId);
    const oldJob = await t.run(async (ctx) => (await ctx.db.query("eventReminderJobs").first())!);
    const newStart = NOW + 5 * HOUR;
    await t.run(async (ctx) => {
      const before = (await ctx.db.get("events", eventId))!;
      await ctx.db.patch("events", eventId, { startTime: newStart, endTime: newStart + 2 * HOUR });
      await onEventTimeChanged(ctx, (await ctx.db.get("events", eventId))!, [
        { field: "startTime", old: before.startTime, new: newStart },
      ]);
    });
    const jobs = await t.run(async (ctx) => ctx.db.query("eventReminderJobs").collect());
    expect(jobs.map((j) => j.runAt)).toEqual([newStart - HOUR]);
    const oldState = await t.run(
      async (ctx) => (await ctx.db.system.get("_scheduled_functions", oldJob.jobId!))!.state.kind,
    );
    expect(oldState).toBe("canceled");
    await runScheduled(t);
    const changed = (await allEmails(t)).filter((e) => e.kind === "event_changed");
    expect(changed.map((e) => e.userId).sort()).toEqual([memberId, maybe, waitlisted].sort());
    expect(changed[0]!.text).toContain("Start:");
    // One reminder for the new time (to going + maybe), sent 1 h before the new start.
    const sent = await reminders(t);
    expect(sent.map((e) => e.userId).sort()).toEqual([memberId, maybe].sort());
    expect(sent[0]!.createdAt).toBeGreaterThanOrEqual(newStart - HOUR);
  });

  test("cancelling cancels the jobs and tells everyone who RSVP'd, with the reason", async () => {
    const { t, memberId, eventId } = await basicWorld({ startIn: 3 * HOUR });
    await publish(t, eventId);
    await t.run(async (ctx) => {
      await ctx.db.patch("events", eventId, { status: "cancelled", cancelReason: "Venue <closed>" });
      await onEventCancelled(ctx, (await ctx.db.get("events", eventId))!, "Venue <closed>");
    });
    expect(await t.run(async (ctx) => ctx.db.query("eventReminderJobs").collect())).toEqual([]);
    await runScheduled(t);
    expect(await reminders(t)).toEqual([]);
    const cancelled = (await allEmails(t)).filter((e) => e.kind === "event_cancelled");
    expect(cancelled.map((e) => e.userId)).toEqual([memberId]);
    expect(cancelled[0]!.html).toContain("Venue &lt;closed&gt;");
    expect(cancelled[0]!.text).toContain("Venue <closed>");
  });

  test("a waitlist promotion tells the promoted member (email and inbox), once", async () => {
    const { t, memberId, eventId } = await basicWorld();
    await t.run(async (ctx) => {
      await onWaitlistPromoted(ctx, eventId, memberId);
    });
    await runScheduled(t);
    const sent = await emailsTo(t, memberId);
    expect(sent.map((e) => e.kind)).toEqual(["waitlist_promoted"]);
    expect(sent[0]!.subject).toBe("You're in: Reading group");
    const inbox = await (
      await as(t, memberId)
    ).query(api.notifications.queries.listMyNotifications, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(inbox.page.map((n) => [n.kind, n.eventId])).toEqual([["waitlist_promoted", eventId]]);
  });
});

describe("announcements", () => {
  test("'all' members hear at once; 'digest', 'none', muted, other types and the publisher do not", async () => {
    const t = newTest();
    const adminId = await addPerson(t, { settings: { announcements: "all" } });
    const orgId = await addOrg(t, adminId);
    const all = await addPerson(t, { settings: { announcements: "all" } });
    const digest = await addPerson(t); // default: digest
    const none = await addPerson(t, { settings: { announcements: "none" } });
    const muted = await addPerson(t, { settings: { announcements: "all", mutedOrgIds: [orgId] } });
    const talksOnly = await addPerson(t, { settings: { announcements: "all", eventTypes: ["talk"] } });
    const orgAnnouncementsOff = await addPerson(t, {
      settings: { announcements: "all" },
      prefs: { orgAnnouncements: { enabled: false } },
    });
    for (const u of [all, digest, none, muted, talksOnly, orgAnnouncementsOff]) await addMember(t, orgId, u);
    const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + 3 * DAY, notifyBefore: [] });
    await publish(t, eventId);
    await runScheduled(t);
    const sent = (await allEmails(t)).filter((e) => e.kind === "announcement");
    expect(sent.map((e) => e.userId)).toEqual([all]);
    expect(sent[0]!.html).toContain("/unsubscribe?token=");
    // Publishing again (e.g. a retried mutation) does not announce twice.
    await publish(t, eventId);
    await runScheduled(t);
    expect((await allEmails(t)).filter((e) => e.kind === "announcement").length).toBe(1);
  });
});

describe("scale", () => {
  test("2,000 going members are all reminded, a page per transaction, none over Convex's limits", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgId = await addOrg(t, adminId);
    const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + 2 * HOUR, notifyBefore: [60] });
    for (let batch = 0; batch < 4; batch++) {
      await t.run(async (ctx) => {
        for (let i = 0; i < 500; i++) {
          const n = batch * 500 + i;
          const userId = await ctx.db.insert("users", { name: `Member ${n}`, email: `m${n}@example.com` });
          await ctx.db.insert("profiles", {
            userId,
            name: `Member ${n}`,
            skills: [],
            timezone: "UTC",
            notificationPreferences: {
              matchAlerts: { enabled: true },
              weeklyDigest: { enabled: true },
              timezone: n % 2 === 0 ? "America/New_York" : "Asia/Kolkata",
              eventReminders: { enabled: true, reminderTimes: [60] },
            },
            privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
            shareLocationForSuggestions: false,
            completeness: 20,
            updatedAt: Date.now(),
          });
          await ctx.db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
          await ctx.db.insert("eventAttendance", { eventId, userId, rsvpStatus: "going", rsvpAt: Date.now() });
        }
      });
    }
    await publish(t, eventId);
    await vi.advanceTimersByTimeAsync(HOUR - 30_000); // due (within a minute), the job not yet run
    // One page, measured: a bounded number of documents read whatever the attendee count.
    const pageReads = await t.run(async (ctx) => {
      const result = await (sendRemindersForEvent as unknown as Handler)._handler(ctx, { eventId, offsetMinutes: 60 });
      const metrics = await ctx.meta.getTransactionMetrics();
      return {
        result,
        docs: metrics.documentsRead.used,
        bytes: metrics.bytesRead.used,
        written: metrics.documentsWritten.used,
      };
    });
    expect(pageReads.result).toEqual({ sent: REMINDER_PAGE_SIZE, done: false });
    expect(pageReads.docs).toBeLessThanOrEqual(REMINDER_PAGE_SIZE * 6 + 10);
    console.log(
      JSON.stringify({ bench: "notifications", path: "sendRemindersForEvent page", attendees: 2000, ...pageReads }),
    );
    await runScheduled(t, { until: NOW + 2 * HOUR }); // the reminder pages (the after-event prompt is tested elsewhere)
    const count = await t.run(async (ctx) => (await ctx.db.query("emails").collect()).length);
    expect(count).toBe(2000);
    const inbox = await t.run(async (ctx) => (await ctx.db.query("notifications").collect()).length);
    expect(inbox).toBe(2000);
    // Times in each member's own zone: 12:00 UTC is 07:00 in New York (EST), 17:30 in Kolkata.
    const [first] = await emailsTo(t, await t.run(async (ctx) => (await ctx.db.query("users").collect())[1]!._id));
    expect(first!.text).toMatch(/07:00 – \d\d:\d\d Eastern Standard Time|17:30 – \d\d:\d\d India Standard Time/);
    // convex-test answers each query by walking the whole store: minutes on two busy cores.
  }, 600_000); // convex-test scans every document per query: minutes on a loaded machine

  test("the cron sweep reads only published events inside its window (5,000 events in the database)", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgId = await addOrg(t, adminId);
    // 5,000 events: 4,000 past or far in the future, 500 drafts/cancelled in the window,
    // 500 published in the window (one week + 1 h ahead).
    const inWindow: Id<"events">[] = [];
    for (let batch = 0; batch < 10; batch++) {
      await t.run(async (ctx) => {
        const fields = {
          orgId,
          title: "Bulk",
          eventType: "meetup" as const,
          timezone: "UTC",
          goingCount: 0,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy: adminId,
          createdAt: NOW,
          updatedAt: NOW,
        };
        for (let i = 0; i < 500; i++) {
          const n = batch * 500 + i;
          let startTime: number;
          let status: "published" | "draft" | "cancelled" = "published";
          if (n < 2000)
            startTime = NOW - (n + 1) * HOUR; // past
          else if (n < 4000)
            startTime = NOW + 8 * DAY + n * MINUTE; // beyond the window
          else if (n < 4500) {
            startTime = NOW + (n - 4000 + 1) * 10 * MINUTE;
            status = n % 2 === 0 ? "draft" : "cancelled";
          } else startTime = NOW + (n - 4500 + 1) * 10 * MINUTE + 5 * MINUTE; // published, in window
          const id = await ctx.db.insert("events", {
            ...fields,
            startTime,
            endTime: startTime + HOUR,
            status,
            notifyBefore: [1440, 60],
          });
          if (status === "published" && n >= 4500) inWindow.push(id);
        }
      });
    }
    const measured = await t.run(async (ctx) => {
      const result = await (sweepDueReminders as unknown as Handler)._handler(ctx, {});
      const metrics = await ctx.meta.getTransactionMetrics();
      return { result, docs: metrics.documentsRead.used, bytes: metrics.bytesRead.used };
    });
    // One page of 200 events out of the 500 in the window; the due ones look up their job row.
    const due = measured.result as { examined: number; started: number };
    expect(due.examined).toBe(200);
    expect(measured.docs).toBeLessThanOrEqual(due.examined + 2 * due.started + 5);
    console.log(
      JSON.stringify({
        bench: "notifications",
        path: "sweepDueReminders page",
        events: 5000,
        inWindow: inWindow.length,
        ...measured,
      }),
    );
  }, 120_000);
});

type Handler = { _handler: (ctx: unknown, args: unknown) => Promise<unknown> };
