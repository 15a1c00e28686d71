import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import {
  countRows,
  createEventAs,
  createOrgAs,
  eventForm,
  expectConvexError,
  joinOrg,
  snapshotRows,
} from "../test.fixtures";
import type { Id } from "../_generated/dataModel";
import { newTest, signedInUser, type TestBackend } from "../test.setup";

const page = { numItems: 20, cursor: null };
const year = new Date().getUTCFullYear() + 1;

async function world(visibility: "public" | "private" = "public") {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Ada Admin" });
  const member = await signedInUser(t, { name: "Max Member" });
  const outsider = await signedInUser(t, { name: "Olga Outsider" });
  const { orgId, slug } = await createOrgAs(admin.as, { visibility, name: "London AIS" });
  await joinOrg(admin.as, member.as, orgId);
  return { t, admin, member, outsider, orgId, slug };
}

describe("createEvent", () => {
  test("stores a draft with UTC times, defaults and zero counters", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId, {}, { publish: false });
    const event = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect(event).toMatchObject({
      title: "Reading group: AI Control",
      description: "We discuss **chapter 3**.",
      eventType: "reading_group",
      status: "draft",
      // 18:30 BST = 17:30 UTC
      startTime: Date.UTC(year, 5, 10, 17, 30),
      endTime: Date.UTC(year, 5, 10, 19, 30),
      timezone: "Europe/London",
      startLocal: `${year}-06-10T18:30`,
      endLocal: `${year}-06-10T20:30`,
      venue: "The Library, Room 2",
      locationUrl: "https://maps.example.org/library",
      onlineUrl: "https://meet.example.org/abc",
      notifyBefore: [1440, 60],
      goingCount: 0,
      maybeCount: 0,
      waitlistCount: 0,
      spotsLeft: null,
      org: { name: "London AIS" },
      viewerRole: "admin",
      viewerRsvp: null,
      canRsvp: false,
      rsvpBlockedReason: "draft",
    });
    expect(await countRows(t, "eventChanges")).toBe(0);
  });

  test("notifyBefore is de-duplicated and sorted, capacity kept", async () => {
    const { admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId, { notifyBefore: [60, 10, 60, 2880], capacity: 12 });
    const event = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect(event.notifyBefore).toEqual([2880, 60, 10]);
    expect(event.capacity).toBe(12);
    expect(event.spotsLeft).toBe(12);
  });

  test("a reminder whose time is already past is refused on notifyBefore; one the event had is kept", async () => {
    const { admin, orgId } = await world();
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 16);
    const soon = { timezone: "UTC", startLocal: inHours(3), endLocal: inHours(5) };
    await expect(
      admin.as.mutation(api.events.mutations.createEvent, {
        orgId,
        ...eventForm({ ...soon, notifyBefore: [1440, 60] }),
      }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "notifyBefore" } });
    // Omitted reminders default to the ones still ahead.
    const { eventId } = await admin.as.mutation(api.events.mutations.createEvent, { orgId, ...eventForm(soon) });
    expect((await admin.as.query(api.events.queries.getEvent, { eventId })).notifyBefore).toEqual([60]);
    // An event a day and a half away keeps its 1-day reminder when it moves to tomorrow morning…
    const later = { timezone: "UTC", startLocal: inHours(36), endLocal: inHours(38) };
    const other = await createEventAs(admin.as, orgId, { ...later, notifyBefore: [1440] }, { publish: false });
    await admin.as.mutation(api.events.mutations.updateEvent, {
      eventId: other,
      ...eventForm({ ...soon, notifyBefore: [1440] }),
    });
    // …but a 2-day reminder cannot be added to it now.
    await expect(
      admin.as.mutation(api.events.mutations.updateEvent, {
        eventId: other,
        ...eventForm({ ...soon, notifyBefore: [2880, 1440] }),
      }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "notifyBefore" } });
  });

  test("members cannot create events", async () => {
    const { t, member, orgId } = await world();
    const error = await expectConvexError(
      member.as.mutation(api.events.mutations.createEvent, { orgId, ...eventForm() }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(await countRows(t, "events")).toBe(0);
  });
});

describe("createEvent with publish: true", () => {
  /** What publishing leaves behind: the event's state, its reminder jobs and the scheduled work. */
  async function publishedState(t: TestBackend, eventId: Id<"events">) {
    return await t.run(async (ctx) => {
      const event = (await ctx.db.get("events", eventId))!;
      const jobs = await ctx.db
        .query("eventReminderJobs")
        .withIndex("by_event_offset", (q) => q.eq("eventId", eventId))
        .collect();
      const scheduled = await ctx.db.system.query("_scheduled_functions").collect();
      return {
        status: event.status,
        publishedAt: event.publishedAt !== undefined,
        offsets: jobs.map((j) => j.offsetMinutes),
        scheduled: scheduled
          .filter((f) => f.state.kind === "pending")
          .map((f) => f.name)
          .sort(),
      };
    });
  }

  test("one call leaves what create then publish leave: published, reminder jobs, the announcement", async () => {
    const one = await world();
    const { eventId } = await one.admin.as.mutation(api.events.mutations.createEvent, {
      orgId: one.orgId,
      ...eventForm(),
      publish: true,
    });
    const two = await world();
    const twoId = await createEventAs(two.admin.as, two.orgId);
    const oneState = await publishedState(one.t, eventId);
    expect(oneState).toMatchObject({ status: "published", publishedAt: true, offsets: [60, 1440] });
    expect(oneState.scheduled).toContain("notifications/fanout:announceEventPage");
    expect(oneState.scheduled.filter((n) => n === "notifications/reminders:sendRemindersForEvent")).toHaveLength(2);
    const twoState = await publishedState(two.t, twoId);
    expect(oneState).toEqual(twoState);
    // Members see it at once.
    const event = await one.member.as.query(api.events.queries.getEvent, { eventId });
    expect(event).toMatchObject({ status: "published", canRsvp: true });
  });

  test("publish: false (or omitted) still creates a draft with nothing scheduled", async () => {
    const { t, admin, orgId } = await world();
    const { eventId } = await admin.as.mutation(api.events.mutations.createEvent, {
      orgId,
      ...eventForm(),
      publish: false,
    });
    expect(await publishedState(t, eventId)).toEqual({
      status: "draft",
      publishedAt: false,
      offsets: [],
      scheduled: [],
    });
  });

  test("atomic: bad input writes and schedules nothing; a member is refused", async () => {
    const { t, admin, member, orgId } = await world();
    const before = await snapshotRows(t);
    const bad = await expectConvexError(
      admin.as.mutation(api.events.mutations.createEvent, { orgId, ...eventForm({ title: " " }), publish: true }),
    );
    expect(bad).toMatchObject({ code: "INVALID_ARGUMENT", field: "title" });
    const refused = await expectConvexError(
      member.as.mutation(api.events.mutations.createEvent, { orgId, ...eventForm(), publish: true }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(await snapshotRows(t)).toEqual(before);
    expect(await countRows(t, "eventReminderJobs")).toBe(0);
    const scheduled = await t.run(async (ctx) => ctx.db.system.query("_scheduled_functions").collect());
    expect(scheduled).toEqual([]);
  });
});

describe("bad input: INVALID_ARGUMENT with the field, nothing written", () => {
  const long = (n: number) => "x".repeat(n);
  const cases: { name: string; field: string; form: Record<string, unknown> }[] = [
    { name: "empty title", field: "title", form: { title: "   " } },
    { name: "title over 200", field: "title", form: { title: long(201) } },
    { name: "description over 10,000", field: "description", form: { description: long(10_001) } },
    { name: "end equal to start", field: "endLocal", form: { endLocal: `${year}-06-10T18:30` } },
    { name: "end before start", field: "endLocal", form: { endLocal: `${year}-06-10T17:00` } },
    { name: "longer than 7 days", field: "endLocal", form: { endLocal: `${year}-06-18T18:30` } },
    { name: "start not a date", field: "startLocal", form: { startLocal: "next tuesday" } },
    { name: "start on 30 February", field: "startLocal", form: { startLocal: `${year}-02-30T10:00` } },
    { name: "start with seconds", field: "startLocal", form: { startLocal: `${year}-06-10T18:30:00` } },
    { name: "end hour 24", field: "endLocal", form: { endLocal: `${year}-06-10T24:00` } },
    { name: "unknown timezone", field: "timezone", form: { timezone: "Mars/Olympus_Mons" } },
    { name: "offset instead of a zone", field: "timezone", form: { timezone: "+01:00" } },
    { name: "capacity 0", field: "capacity", form: { capacity: 0 } },
    { name: "capacity negative", field: "capacity", form: { capacity: -3 } },
    { name: "capacity fractional", field: "capacity", form: { capacity: 2.5 } },
    { name: "11 reminders", field: "notifyBefore", form: { notifyBefore: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } },
    { name: "negative reminder", field: "notifyBefore", form: { notifyBefore: [60, -5] } },
    { name: "zero reminder", field: "notifyBefore", form: { notifyBefore: [0] } },
    { name: "reminder over 4 weeks", field: "notifyBefore", form: { notifyBefore: [40_321] } },
    { name: "fractional reminder", field: "notifyBefore", form: { notifyBefore: [1.5] } },
    { name: "javascript: location URL", field: "locationUrl", form: { locationUrl: "javascript:alert(1)" } },
    { name: "ftp location URL", field: "locationUrl", form: { locationUrl: "ftp://example.org/x" } },
    { name: "data: online URL", field: "onlineUrl", form: { onlineUrl: "data:text/html,hi" } },
    { name: "relative online URL", field: "onlineUrl", form: { onlineUrl: "/meet" } },
    { name: "venue over 300", field: "venue", form: { venue: long(301) } },
  ];

  test.each(cases)("createEvent: $name → $field", async ({ field, form }) => {
    const { t, admin, orgId } = await world();
    const before = await snapshotRows(t);
    const error = await expectConvexError(
      admin.as.mutation(api.events.mutations.createEvent, { orgId, ...eventForm(), ...form } as never),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    expect(await snapshotRows(t)).toEqual(before);
  });

  test.each(cases)("updateEvent (published): $name → $field", async ({ field, form }) => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    const before = await snapshotRows(t);
    const error = await expectConvexError(
      admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...eventForm(), ...form } as never),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    expect(await snapshotRows(t)).toEqual(before);
  });

  test("cancel reason over 500 → cancelReason, nothing written", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    const before = await snapshotRows(t);
    const error = await expectConvexError(
      admin.as.mutation(api.events.mutations.cancelEvent, { eventId, reason: long(501) }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "cancelReason" });
    expect(await snapshotRows(t)).toEqual(before);
  });
});

describe("lifecycle", () => {
  test("draft edits are not recorded; published time/place edits are, with old and new values", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId, {}, { publish: false });
    await admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...eventForm({ venue: "Elsewhere" }) });
    expect(await countRows(t, "eventChanges")).toBe(0);

    await admin.as.mutation(api.events.mutations.publishEvent, { eventId });
    // A title-only edit is not a time/place change.
    await admin.as.mutation(api.events.mutations.updateEvent, {
      eventId,
      ...eventForm({ venue: "Elsewhere", title: "New title" }),
    });
    expect(await countRows(t, "eventChanges")).toBe(0);

    await admin.as.mutation(api.events.mutations.updateEvent, {
      eventId,
      ...eventForm({ title: "New title", startLocal: `${year}-06-10T19:00`, venue: "Main Hall", onlineUrl: undefined }),
    });
    const changes = await t.run((ctx) => ctx.db.query("eventChanges").collect());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ eventId, kind: "updated", changedBy: admin.userId });
    expect(changes[0]!.changes).toEqual([
      { field: "startTime", old: Date.UTC(year, 5, 10, 17, 30), new: Date.UTC(year, 5, 10, 18, 0) },
      { field: "venue", old: "Elsewhere", new: "Main Hall" },
      { field: "onlineUrl", old: "https://meet.example.org/abc", new: null },
    ]);
  });

  test("create with publish: true is published at once, as create-then-publish would be", async () => {
    const { t, admin, member, orgId } = await world();
    const { eventId } = await admin.as.mutation(api.events.mutations.createEvent, {
      orgId,
      ...eventForm(),
      publish: true,
    });
    const other = await createEventAs(admin.as, orgId);
    const [created, published] = await t.run(async (ctx) => [
      await ctx.db.get("events", eventId),
      await ctx.db.get("events", other),
    ]);
    expect(created).toMatchObject({ status: "published", publishedAt: expect.any(Number) });
    expect(published).toMatchObject({ status: "published" });
    expect(created!.publishedAt).toBe(created!.createdAt);
    const shape = (n: { kind: string; userId: unknown }[]) => n.map(({ kind, userId }) => ({ kind, userId }));
    const notifications = await t.run((ctx) => ctx.db.query("notifications").collect());
    expect(shape(notifications.filter((n) => n.eventId === eventId))).toEqual(
      shape(notifications.filter((n) => n.eventId === other)),
    );
    expect((await member.as.query(api.events.queries.getEvent, { eventId })).status).toBe("published");
  });

  test("publish, cancel with reason, and a cancelled event is frozen", async () => {
    const { t, admin, member, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await admin.as.mutation(api.events.mutations.cancelEvent, { eventId, reason: "Speaker ill" });
    const event = await member.as.query(api.events.queries.getEvent, { eventId });
    expect(event).toMatchObject({
      status: "cancelled",
      cancelReason: "Speaker ill",
      canRsvp: false,
      rsvpBlockedReason: "cancelled",
      goingCount: 1,
    });
    const [change] = await t.run((ctx) => ctx.db.query("eventChanges").collect());
    expect(change).toMatchObject({ kind: "cancelled", reason: "Speaker ill" });
    expect(
      (await expectConvexError(admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...eventForm() }))).code,
    ).toBe("CONFLICT");
    expect((await expectConvexError(admin.as.mutation(api.events.mutations.publishEvent, { eventId }))).code).toBe(
      "CONFLICT",
    );
    expect((await expectConvexError(admin.as.mutation(api.events.mutations.deleteEvent, { eventId }))).code).toBe(
      "CONFLICT",
    );
  });

  test("only drafts can be deleted; drafts cannot be cancelled", async () => {
    const { t, admin, orgId } = await world();
    const draft = await createEventAs(admin.as, orgId, {}, { publish: false });
    expect(
      (await expectConvexError(admin.as.mutation(api.events.mutations.cancelEvent, { eventId: draft }))).code,
    ).toBe("CONFLICT");
    await admin.as.mutation(api.events.mutations.deleteEvent, { eventId: draft });
    expect(await countRows(t, "events")).toBe(0);
    const published = await createEventAs(admin.as, orgId);
    expect(
      (await expectConvexError(admin.as.mutation(api.events.mutations.deleteEvent, { eventId: published }))).code,
    ).toBe("CONFLICT");
  });

  test("duplicate makes a new draft with the same details and no RSVPs", async () => {
    const { admin, member, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId, { capacity: 5 });
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const { eventId: copyId } = await admin.as.mutation(api.events.mutations.duplicateEvent, { eventId });
    const copy = await admin.as.query(api.events.queries.getEvent, { eventId: copyId });
    const original = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect(copy).toMatchObject({
      status: "draft",
      title: original.title,
      startTime: original.startTime,
      capacity: 5,
      onlineUrl: original.onlineUrl,
      goingCount: 0,
    });
  });
});

describe("getEvent visibility", () => {
  test("public org: anyone (signed out too) sees a published event, without the online link", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    const event = await t.query(api.events.queries.getEvent, { eventId });
    expect(event).toMatchObject({
      title: "Reading group: AI Control",
      hasOnlineUrl: true,
      viewerRole: null,
      viewerRsvp: null,
      canRsvp: false,
      rsvpBlockedReason: "sign_in",
    });
    expect(event.onlineUrl).toBeUndefined();
  });

  test("online link: only going members and admins", async () => {
    const { admin, member, outsider, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    expect((await outsider.as.query(api.events.queries.getEvent, { eventId })).rsvpBlockedReason).toBe("join_org");
    expect((await member.as.query(api.events.queries.getEvent, { eventId })).onlineUrl).toBeUndefined();
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "maybe" });
    expect((await member.as.query(api.events.queries.getEvent, { eventId })).onlineUrl).toBeUndefined();
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const page = await member.as.query(api.events.queries.getEvent, { eventId });
    expect(page.onlineUrl).toBe("https://meet.example.org/abc");
    expect(page.viewerRsvp).toMatchObject({ status: "going" });
    expect((await admin.as.query(api.events.queries.getEvent, { eventId })).onlineUrl).toBe(
      "https://meet.example.org/abc",
    );
  });

  test("drafts: admins only; private orgs: members only (NOT_FOUND otherwise)", async () => {
    const { t, admin, member, outsider, orgId } = await world("private");
    const draft = await createEventAs(admin.as, orgId, {}, { publish: false });
    expect((await expectConvexError(member.as.query(api.events.queries.getEvent, { eventId: draft }))).code).toBe(
      "NOT_FOUND",
    );
    const published = await createEventAs(admin.as, orgId);
    expect((await member.as.query(api.events.queries.getEvent, { eventId: published })).canRsvp).toBe(true);
    for (const caller of [t, outsider.as]) {
      expect((await expectConvexError(caller.query(api.events.queries.getEvent, { eventId: published }))).code).toBe(
        "NOT_FOUND",
      );
    }
  });
});

describe("listOrgEvents", () => {
  test("upcoming ascending, past descending; drafts only for admins; by id or slug", async () => {
    const { t, admin, member, orgId, slug } = await world();
    const now = new Date();
    const local = (daysFromNow: number, hour: number) => {
      const d = new Date(now.getTime() + daysFromNow * 86_400_000);
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00`;
    };
    const make = async (title: string, days: number, publish = true) =>
      await createEventAs(
        admin.as,
        orgId,
        { title, timezone: "UTC", startLocal: local(days, 10), endLocal: local(days, 12) },
        { publish },
      );
    await make("in 10 days", 10);
    await make("in 2 days", 2);
    await make("draft in 5 days", 5, false);
    await make("3 days ago", -3);
    await make("30 days ago", -30);
    const titles = async (caller: Pick<typeof t, "query">, when: "upcoming" | "past", bySlug = false) =>
      (
        await caller.query(api.events.queries.listOrgEvents, {
          ...(bySlug ? { slug } : { orgId }),
          when,
          paginationOpts: page,
        })
      ).page.map((e) => e.title);
    expect(await titles(t, "upcoming")).toEqual(["in 2 days", "in 10 days"]);
    expect(await titles(member.as, "upcoming", true)).toEqual(["in 2 days", "in 10 days"]);
    expect(await titles(admin.as, "upcoming")).toEqual(["in 2 days", "draft in 5 days", "in 10 days"]);
    expect(await titles(t, "past")).toEqual(["3 days ago", "30 days ago"]);
  });

  test("private org events are for members only; orgId xor slug", async () => {
    const { t, outsider, member, orgId, slug } = await world("private");
    await expect(
      member.as.query(api.events.queries.listOrgEvents, { orgId, when: "upcoming", paginationOpts: page }),
    ).resolves.toMatchObject({ page: [] });
    for (const caller of [t, outsider.as]) {
      const error = await expectConvexError(
        caller.query(api.events.queries.listOrgEvents, { slug, when: "upcoming", paginationOpts: page }),
      );
      expect(error.code).toBe("NOT_FOUND");
    }
    const error = await expectConvexError(
      member.as.query(api.events.queries.listOrgEvents, { orgId, slug, when: "past", paginationOpts: page }),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
  });
});

describe("myUpcomingEvents", () => {
  test("across the member's orgs, soonest first, with their RSVP; no drafts, no past, no other orgs", async () => {
    const t = newTest();
    const a = await signedInUser(t);
    const b = await signedInUser(t);
    const c = await signedInUser(t);
    const me = await signedInUser(t);
    const orgA = await createOrgAs(a.as, { name: "Org A" });
    const orgB = await createOrgAs(b.as, { name: "Org B", visibility: "private" });
    const orgC = await createOrgAs(c.as, { name: "Org C" });
    await joinOrg(a.as, me.as, orgA.orgId);
    await joinOrg(b.as, me.as, orgB.orgId);
    const later = await createEventAs(a.as, orgA.orgId, {
      title: "A later",
      startLocal: `${year}-08-01T10:00`,
      endLocal: `${year}-08-01T11:00`,
    });
    await createEventAs(b.as, orgB.orgId, {
      title: "B sooner",
      startLocal: `${year}-07-01T10:00`,
      endLocal: `${year}-07-01T11:00`,
    });
    await createEventAs(b.as, orgB.orgId, { title: "B draft" }, { publish: false });
    await createEventAs(a.as, orgA.orgId, {
      title: "A past",
      startLocal: "2020-01-01T10:00",
      endLocal: "2020-01-01T11:00",
    });
    await createEventAs(c.as, orgC.orgId, { title: "C not mine" });
    await me.as.mutation(api.events.mutations.rsvp, { eventId: later, status: "maybe" });
    const { events, partial } = await me.as.query(api.events.queries.myUpcomingEvents, {});
    expect(partial).toBe(false);
    expect(events.map((e) => [e.event.title, e.org.name, e.myRsvp?.status ?? null])).toEqual([
      ["B sooner", "Org B", null],
      ["A later", "Org A", "maybe"],
    ]);
  });
});

describe("myDrafts", () => {
  test("the drafts of orgs the caller runs, soonest first; a member of the org sees none", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const other = await signedInUser(t);
    const member = await signedInUser(t);
    const mine = await createOrgAs(admin.as, { name: "Mine" });
    const theirs = await createOrgAs(other.as, { name: "Theirs" });
    await joinOrg(admin.as, member.as, mine.orgId);
    await joinOrg(other.as, admin.as, theirs.orgId);
    await createEventAs(admin.as, mine.orgId, { title: "Published" });
    await createEventAs(
      admin.as,
      mine.orgId,
      { title: "Later draft", startLocal: `${year}-09-01T10:00`, endLocal: `${year}-09-01T11:00` },
      { publish: false },
    );
    await createEventAs(
      admin.as,
      mine.orgId,
      { title: "Sooner draft", startLocal: `${year}-08-01T10:00`, endLocal: `${year}-08-01T11:00` },
      { publish: false },
    );
    // A draft in an org where the caller is only a member.
    await createEventAs(other.as, theirs.orgId, { title: "Not mine to see" }, { publish: false });
    const drafts = await admin.as.query(api.events.queries.myDrafts, {});
    expect(drafts.map((d) => [d.title, d.org.name])).toEqual([
      ["Sooner draft", "Mine"],
      ["Later draft", "Mine"],
    ]);
    expect(await member.as.query(api.events.queries.myDrafts, {})).toEqual([]);
  });
});
