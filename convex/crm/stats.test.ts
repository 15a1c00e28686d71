import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import { createEventAs, createOrgAs, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2, 10, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => vi.useRealTimers());

test("community stats come from the counters: joins and leaves, active members, events, conversion, feedback, new vs returning; a rebuild agrees", async () => {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Admin" });
  const { orgId } = await createOrgAs(admin.as);
  const ada = await signedInUser(t, { name: "Ada" });
  const bob = await signedInUser(t, { name: "Bob" });
  await joinOrg(admin.as, ada.as, orgId);
  await joinOrg(admin.as, bob.as, orgId);

  const event = async (day: string, title: string) => {
    const eventId = await createEventAs(admin.as, orgId, {
      title,
      startLocal: `2026-03-${day}T18:30`,
      endLocal: `2026-03-${day}T20:30`,
      timezone: "Europe/London",
    });
    for (const m of [ada, bob]) await m.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    return eventId;
  };
  const first = await event("10", "First meetup");
  const second = await event("20", "Second meetup");

  vi.setSystemTime(Date.UTC(2026, 2, 10, 21));
  await admin.as.mutation(api.attendance.mutations.checkIn, { eventId: first, userId: ada.userId });
  await admin.as.mutation(api.attendance.mutations.markAttendance, {
    eventId: first,
    userId: bob.userId,
    state: "no_show",
  });
  await ada.as.mutation(api.attendance.mutations.submitFeedback, { eventId: first, rating: 4 });
  vi.setSystemTime(Date.UTC(2026, 2, 20, 21));
  for (const m of [ada, bob]) {
    await admin.as.mutation(api.attendance.mutations.checkIn, { eventId: second, userId: m.userId });
  }
  await bob.as.mutation(api.attendance.mutations.submitFeedback, { eventId: second, rating: 5 });

  vi.setSystemTime(Date.UTC(2026, 2, 21, 12));
  const stats = await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 });
  expect(stats).toMatchObject({
    members: 3,
    joins: 3,
    leaves: 0,
    active30: 2,
    active90: 2,
    events: 2,
    going: 4,
    attended: 3,
    noShows: 1,
    conversion: 0.75,
    noShowRate: 0.25,
    averageRating: 4.5,
    ratings: 2,
  });
  expect(stats.perEvent.map((e) => [e.title, e.newAttendees, e.returningAttendees])).toEqual([
    ["First meetup", 1, 0],
    ["Second meetup", 1, 1],
  ]);
  expect(stats.months).toEqual([
    { month: "2026-02", events: 0 },
    { month: "2026-03", events: 2 },
  ]);
  expect(stats.weeks).toHaveLength(5);
  expect(stats.weeks.reduce((s, w) => s + w.joins, 0)).toBe(3);
  expect(stats.weeks.at(-1)!.members).toBe(3);
  expect(stats.weeks[0]!.members).toBe(0); // before anyone joined

  // The rebuild from the rows (for data written before the counters) gives the same figures.
  await t.run(async (ctx) => {
    for (const row of await ctx.db.query("eventAttendance").collect()) {
      await ctx.db.patch("eventAttendance", row._id, { attendeeKind: undefined });
    }
    for (const e of await ctx.db.query("events").collect())
      await ctx.db.patch("events", e._id, { attendeeMix: undefined });
    for (const d of await ctx.db.query("crmDailyStats").collect())
      await ctx.db.patch("crmDailyStats", d._id, { joins: 9 });
  });
  expect((await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 })).perEvent[1]!.newAttendees).toBe(0);
  await t.mutation(internal.crm.statsBackfill.backfillOrg, { orgId, phase: "clear", cursor: null });
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  vi.setSystemTime(Date.UTC(2026, 2, 21, 12));
  expect(await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 })).toEqual(stats);

  // Bob leaves: a leave this week, and he no longer counts as active.
  await bob.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
  const after = await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 });
  expect(after).toMatchObject({ members: 2, joins: 3, leaves: 1, active30: 1 });
  expect(after.weeks.at(-1)!.members).toBe(2);

  // 45 days on, the events fall out of the 30-day range but not the 90-day one.
  vi.setSystemTime(Date.UTC(2026, 2, 21, 12) + 45 * DAY);
  expect(await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 })).toMatchObject({
    events: 0,
    joins: 0,
    active30: 0,
    active90: 1,
  });
  const quarter = await admin.as.query(api.crm.stats.communityStats, { orgId, range: 90 });
  expect(quarter).toMatchObject({ events: 2, joins: 3, leaves: 1 });
  expect((await admin.as.query(api.crm.stats.communityStats, { orgId, range: 365 })).weeks).toHaveLength(53);
});

test("an empty org has zero figures and nothing to chart", async () => {
  const t = newTest();
  const admin = await signedInUser(t);
  const { orgId } = await createOrgAs(admin.as);
  const stats = await admin.as.query(api.crm.stats.communityStats, { orgId, range: 90 });
  expect(stats).toMatchObject({ members: 1, joins: 1, events: 0, conversion: null, averageRating: null, perEvent: [] });
});
