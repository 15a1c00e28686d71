import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import { expectConvexError } from "../test.fixtures";
import { newTest, type TestBackend } from "../test.setup";
import { onEventPublished, onWaitlistPromoted } from "./hooks";
import { UNREAD_CAP, unreadCount } from "./queries";
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
  runScheduled,
} from "./testing";

const NOW = Date.UTC(2026, 2, 2, 8, 7); // Monday 2 March 2026, 08:07 UTC (the digest's slot)
const page = (numItems = 20) => ({ paginationOpts: { numItems, cursor: null } });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const basePrefs = {
  matchAlerts: { enabled: true },
  weeklyDigest: { enabled: true },
  timezone: "Europe/Paris",
};

describe("preferences", () => {
  test("offsets limited to 1 week, 1 day, 3 hours, 1 hour; stored unique, longest first", async () => {
    const t = newTest();
    const userId = await addPerson(t);
    const me = await as(t, userId);
    await me.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: { ...basePrefs, eventReminders: { enabled: true, reminderTimes: [60, 10080, 180, 60, 1440] } },
      announcements: "all",
      eventTypes: ["talk", "workshop"],
    });
    const profile = await me.query(api.profiles.queries.getMyProfile, {});
    expect(profile!.notificationPreferences.eventReminders).toEqual({
      enabled: true,
      reminderTimes: [10080, 1440, 180, 60],
    });
    expect(await me.query(api.notifications.queries.getMyNotificationSettings, {})).toEqual({
      announcements: "all",
      eventTypes: ["talk", "workshop"],
      mutedOrgIds: [],
    });
    // Omitting the new fields leaves them as they were; null = every type.
    await me.mutation(api.profiles.mutations.updateNotificationPreferences, { preferences: basePrefs });
    expect((await me.query(api.notifications.queries.getMyNotificationSettings, {})).announcements).toBe("all");
    await me.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: basePrefs,
      eventTypes: null,
    });
    expect((await me.query(api.notifications.queries.getMyNotificationSettings, {})).eventTypes).toBeNull();
    // Reminders off with no times is fine.
    await me.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: { ...basePrefs, eventReminders: { enabled: false, reminderTimes: [] } },
    });
  });

  test("defaults for someone who never saved settings: digest, every type, nothing muted", async () => {
    const t = newTest();
    const me = await as(t, await addPerson(t));
    expect(await me.query(api.notifications.queries.getMyNotificationSettings, {})).toEqual({
      announcements: "digest",
      eventTypes: null,
      mutedOrgIds: [],
    });
  });

  test.each([
    ["an unknown offset", { eventReminders: { enabled: true, reminderTimes: [30] } }, "eventReminders.reminderTimes"],
    [
      "an unknown offset among good ones",
      { eventReminders: { enabled: true, reminderTimes: [60, 120] } },
      "eventReminders.reminderTimes",
    ],
    [
      "an unknown offset with reminders off",
      { eventReminders: { enabled: false, reminderTimes: [2] } },
      "eventReminders.reminderTimes",
    ],
    ["a negative offset", { eventReminders: { enabled: true, reminderTimes: [-60] } }, "eventReminders.reminderTimes"],
    [
      "a fractional offset",
      { eventReminders: { enabled: true, reminderTimes: [60.5] } },
      "eventReminders.reminderTimes",
    ],
    [
      "an empty list with reminders on",
      { eventReminders: { enabled: true, reminderTimes: [] } },
      "eventReminders.reminderTimes",
    ],
  ])("refuses %s: INVALID_ARGUMENT naming the field, nothing changed", async (_name, extra, field) => {
    const t = newTest();
    const userId = await addPerson(t);
    const before = await t.run(async (ctx) => ({
      profiles: await ctx.db.query("profiles").collect(),
      settings: await ctx.db.query("notificationSettings").collect(),
    }));
    const error = await expectConvexError(
      (await as(t, userId)).mutation(api.profiles.mutations.updateNotificationPreferences, {
        preferences: { ...basePrefs, ...extra },
        announcements: "all",
      }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    const after = await t.run(async (ctx) => ({
      profiles: await ctx.db.query("profiles").collect(),
      settings: await ctx.db.query("notificationSettings").collect(),
    }));
    expect(after).toEqual(before);
  });

  test("an empty event-type list is refused (choose at least one, or turn announcements off)", async () => {
    const t = newTest();
    const me = await as(t, await addPerson(t));
    const error = await expectConvexError(
      me.mutation(api.profiles.mutations.updateNotificationPreferences, { preferences: basePrefs, eventTypes: [] }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "eventTypes" });
  });

  test("mute and unmute an org (members only, idempotent)", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgId = await addOrg(t, adminId);
    const memberId = await addPerson(t);
    await addMember(t, orgId, memberId);
    const me = await as(t, memberId);
    await me.mutation(api.notifications.mutations.muteOrg, { orgId });
    await me.mutation(api.notifications.mutations.muteOrg, { orgId });
    expect((await me.query(api.notifications.queries.getMyNotificationSettings, {})).mutedOrgIds).toEqual([orgId]);
    await me.mutation(api.notifications.mutations.unmuteOrg, { orgId });
    expect((await me.query(api.notifications.queries.getMyNotificationSettings, {})).mutedOrgIds).toEqual([]);
    const outsider = await as(t, await addPerson(t));
    expect((await expectConvexError(outsider.mutation(api.notifications.mutations.muteOrg, { orgId }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("inbox", () => {
  async function seedNotifications(t: TestBackend, userId: Parameters<typeof as>[1], count: number) {
    await t.run(async (ctx) => {
      for (let i = 0; i < count; i++) {
        await ctx.db.insert("notifications", {
          userId,
          kind: "announcement",
          title: `Notice ${i}`,
          body: "",
          createdAt: NOW + i,
        });
      }
    });
  }

  test("unread count is capped (the bell shows 99+), the list is newest first and only mine", async () => {
    const t = newTest();
    const me = await addPerson(t);
    const other = await addPerson(t);
    await seedNotifications(t, me, 150);
    await seedNotifications(t, other, 3);
    const mine = await as(t, me);
    expect(await mine.query(api.notifications.queries.unreadCount, {})).toBe(UNREAD_CAP);
    // Bounded: one index range of at most UNREAD_CAP documents, however many are unread.
    const reads = await mine.run(async (ctx) => {
      await (unreadCount as unknown as { _handler: (ctx: unknown, args: unknown) => Promise<unknown> })._handler(
        ctx,
        {},
      );
      return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
    });
    expect(reads).toBeLessThanOrEqual(UNREAD_CAP + 2);
    const list = await mine.query(api.notifications.queries.listMyNotifications, page(5));
    expect(list.page.map((n) => n.title)).toEqual([
      "Notice 149",
      "Notice 148",
      "Notice 147",
      "Notice 146",
      "Notice 145",
    ]);
    expect(await (await as(t, other)).query(api.notifications.queries.unreadCount, {})).toBe(3);
  });

  test("markRead: own only (others' are NOT_FOUND); markAllRead clears any number in batches", async () => {
    const t = newTest();
    const me = await addPerson(t);
    const other = await addPerson(t);
    await seedNotifications(t, me, 450);
    await seedNotifications(t, other, 1);
    const mine = await as(t, me);
    const theirs = await as(t, other);
    const [first] = (await mine.query(api.notifications.queries.listMyNotifications, page(1))).page;
    const error = await expectConvexError(
      theirs.mutation(api.notifications.mutations.markRead, { notificationId: first!._id }),
    );
    expect(error.code).toBe("NOT_FOUND");
    await mine.mutation(api.notifications.mutations.markRead, { notificationId: first!._id });
    await mine.mutation(api.notifications.mutations.markRead, { notificationId: first!._id }); // idempotent
    expect(await mine.query(api.notifications.queries.unreadCount, {})).toBe(UNREAD_CAP);
    const result = await mine.mutation(api.notifications.mutations.markAllRead, {});
    expect(result).toEqual({ marked: 200, more: true });
    await runScheduled(t);
    expect(await mine.query(api.notifications.queries.unreadCount, {})).toBe(0);
    expect(await theirs.query(api.notifications.queries.unreadCount, {})).toBe(1);
  });

  test("every emailed notice also lands in the inbox, linked to its event", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgId = await addOrg(t, adminId);
    const memberId = await addPerson(t, { settings: { announcements: "all" } });
    await addMember(t, orgId, memberId);
    const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + 2 * HOUR, notifyBefore: [60] });
    await addRsvp(t, eventId, memberId, "going");
    await t.run(async (ctx) => {
      await onEventPublished(ctx, (await ctx.db.get("events", eventId))!);
      await onWaitlistPromoted(ctx, eventId, memberId);
    });
    await runScheduled(t, { until: NOW + 2 * HOUR }); // before the event (and its after-event prompt)
    const emails = await emailsTo(t, memberId);
    const inbox = await (await as(t, memberId)).query(api.notifications.queries.listMyNotifications, page());
    expect(inbox.page.map((n) => n.kind).sort()).toEqual(emails.map((e) => e.kind).sort());
    expect(inbox.page.map((n) => n.kind).sort()).toEqual(["announcement", "reminder", "waitlist_promoted"]);
    expect(inbox.page.every((n) => n.eventId === eventId && n.orgId === orgId)).toBe(true);
  });
});

describe("weekly digest", () => {
  test("digest members get one email with the coming week's published events from their unmuted orgs", async () => {
    const t = newTest();
    const adminId = await addPerson(t);
    const orgA = await addOrg(t, adminId, "Org A");
    const orgB = await addOrg(t, adminId, "Org B");
    const orgC = await addOrg(t, adminId, "Org C");
    const digest = await addPerson(t, { name: "Digest" }); // the default
    const all = await addPerson(t, { settings: { announcements: "all" } });
    const digestOff = await addPerson(t, { prefs: { weeklyDigest: { enabled: false } } });
    const mutedB = await addPerson(t, { settings: { announcements: "digest", mutedOrgIds: [orgB] } });
    const socialOnly = await addPerson(t, { settings: { announcements: "digest", eventTypes: ["social"] } });
    for (const u of [digest, all, digestOff, mutedB, socialOnly]) {
      await addMember(t, orgA, u);
      await addMember(t, orgB, u);
    }
    await addEvent(t, orgA, adminId, { title: "A soon", startTime: NOW + DAY });
    await addEvent(t, orgB, adminId, { title: "B <later>", startTime: NOW + 3 * DAY });
    await addEvent(t, orgA, adminId, { title: "A draft", startTime: NOW + 2 * DAY, status: "draft" });
    await addEvent(t, orgA, adminId, { title: "A next month", startTime: NOW + 30 * DAY });
    await addEvent(t, orgA, adminId, { title: "A past", startTime: NOW - DAY });
    await addEvent(t, orgC, adminId, { title: "C not mine", startTime: NOW + DAY });
    // 60 more profiles without orgs, so the run takes several pages.
    for (let i = 0; i < 60; i++) await addPerson(t);

    const first = await t.mutation(internal.notifications.digest.sendWeeklyDigest, {});
    expect(first.done).toBe(false);
    await runScheduled(t);
    const digests = (await allEmails(t)).filter((e) => e.kind === "digest");
    // The admin is on the default digest too (and sees Org C, which only they belong to).
    expect(digests.map((e) => e.userId).sort()).toEqual([adminId, digest, mutedB].sort());
    const mine = digests.find((e) => e.userId === digest)!;
    expect(mine.text.indexOf("A soon")).toBeLessThan(mine.text.indexOf("B <later>"));
    expect(mine.html).toContain("B &lt;later&gt;");
    expect(mine.text).not.toMatch(/A draft|A next month|A past|C not mine/);
    expect(digests.find((e) => e.userId === mutedB)!.text).not.toContain("B <later>");
    expect(mine.text).toContain("/unsubscribe?token=");

    // The cron firing twice in the same week sends nothing new.
    await t.mutation(internal.notifications.digest.sendWeeklyDigest, { weekStart: NOW });
    await runScheduled(t);
    expect((await allEmails(t)).filter((e) => e.kind === "digest").length).toBe(3);
  });
});

describe("admin notification log", () => {
  test("admins see who was emailed what about the event, with status, and no addresses", async () => {
    const t = newTest();
    const adminId = await addPerson(t, { name: "Admin" });
    const orgId = await addOrg(t, adminId);
    const memberId = await addPerson(t, { name: "Ada" });
    await addMember(t, orgId, memberId);
    const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + 2 * HOUR, notifyBefore: [60] });
    await addRsvp(t, eventId, memberId, "going");
    await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
    await runScheduled(t, { until: NOW + 2 * HOUR });
    const log = await (
      await as(t, adminId)
    ).query(api.notifications.queries.eventNotificationLog, { eventId, ...page() });
    expect(log.page).toEqual([
      expect.objectContaining({ userId: memberId, name: "Ada", kind: "reminder", status: "recorded" }),
    ]);
    expect(JSON.stringify(log.page)).not.toContain("@example.com");
    const member = await as(t, memberId);
    const error = await expectConvexError(
      member.query(api.notifications.queries.eventNotificationLog, { eventId, ...page() }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
