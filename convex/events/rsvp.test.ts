import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { createEventAs, createOrgAs, expectConvexError, joinOrg, snapshotRows } from "../test.fixtures";
import { newTest, signedInUser, type TestBackend } from "../test.setup";
import { getEvent, myUpcomingEvents } from "./queries";
import { rsvp } from "./mutations";

const page = { numItems: 50, cursor: null };

async function world({ capacity, members = 3 }: { capacity?: number; members?: number } = {}) {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Ada Admin" });
  const { orgId } = await createOrgAs(admin.as, { name: "Hub" });
  const people = [];
  for (let i = 0; i < members; i++) {
    const person = await signedInUser(t, { name: `Member ${i + 1}` });
    await joinOrg(admin.as, person.as, orgId);
    people.push(person);
  }
  const eventId = await createEventAs(admin.as, orgId, capacity === undefined ? {} : { capacity });
  const counts = async () => {
    const e = await admin.as.query(api.events.queries.getEvent, { eventId });
    return { going: e.goingCount, maybe: e.maybeCount, waitlist: e.waitlistCount };
  };
  return { t, admin, orgId, people, eventId, counts };
}

describe("rsvp", () => {
  test("going / maybe / not going move the counters; repeating is a no-op", async () => {
    const { people, eventId, counts } = await world();
    const [a, b] = people as [(typeof people)[0], (typeof people)[0]];
    expect(await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({ status: "going" });
    await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "maybe" });
    expect(await counts()).toEqual({ going: 1, maybe: 1, waitlist: 0 });
    await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "not_going" });
    await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    expect(await counts()).toEqual({ going: 1, maybe: 0, waitlist: 0 });
    expect((await a.as.query(api.events.queries.getEvent, { eventId })).viewerRsvp).toMatchObject({
      status: "not_going",
    });
  });

  test("a non-member of a public org is told to join first (FORBIDDEN); nothing written", async () => {
    const { t, eventId } = await world();
    const stranger = await signedInUser(t);
    const before = await snapshotRows(t);
    const error = (await expectConvexError(
      stranger.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" }),
    )) as { code?: string; message?: string };
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/Join Hub first/);
    expect(await snapshotRows(t)).toEqual(before);
  });

  test("no RSVP to drafts, cancelled events, or after the start (CONFLICT)", async () => {
    const { admin, orgId, people, eventId } = await world();
    const member = people[0]!;
    const draft = await createEventAs(admin.as, orgId, {}, { publish: false });
    expect(
      (await expectConvexError(admin.as.mutation(api.events.mutations.rsvp, { eventId: draft, status: "going" }))).code,
    ).toBe("CONFLICT");
    expect(
      (await expectConvexError(member.as.mutation(api.events.mutations.rsvp, { eventId: draft, status: "going" })))
        .code,
    ).toBe("NOT_FOUND");
    const started = await createEventAs(admin.as, orgId, {
      timezone: "UTC",
      startLocal: "2020-01-01T10:00",
      endLocal: "2020-01-01T11:00",
    });
    expect(
      (await expectConvexError(member.as.mutation(api.events.mutations.rsvp, { eventId: started, status: "going" })))
        .code,
    ).toBe("CONFLICT");
    expect((await member.as.query(api.events.queries.getEvent, { eventId: started })).rsvpBlockedReason).toBe(
      "started",
    );
    await admin.as.mutation(api.events.mutations.cancelEvent, { eventId });
    expect(
      (await expectConvexError(member.as.mutation(api.events.mutations.rsvp, { eventId, status: "maybe" }))).code,
    ).toBe("CONFLICT");
  });
});

describe("capacity and waitlist", () => {
  test("when full, going → waitlisted with a position; first come, first served", async () => {
    const { people, eventId, counts } = await world({ capacity: 1, members: 4 });
    const [a, b, c, d] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    expect(await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({ status: "going" });
    expect(await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 1,
    });
    expect(await c.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 2,
    });
    expect(await d.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 3,
    });
    expect(await counts()).toEqual({ going: 1, maybe: 0, waitlist: 3 });
    // Saying "going" again keeps one's place.
    expect(await c.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 2,
    });
    // Someone in the middle leaves the waitlist: those behind move up.
    await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "maybe" });
    expect((await d.as.query(api.events.queries.getEvent, { eventId })).viewerRsvp).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 2,
    });
    expect(await counts()).toEqual({ going: 1, maybe: 1, waitlist: 2 });
    // b changing back to going joins the end of the queue.
    expect(await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 3,
    });
  });

  test("a going member dropping out promotes the first waitlisted in the same transaction, recorded for a notice", async () => {
    const { t, admin, people, eventId, counts } = await world({ capacity: 1, members: 3 });
    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await b.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await c.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "not_going" });
    expect(await counts()).toEqual({ going: 1, maybe: 0, waitlist: 1 });
    const bView = await b.as.query(api.events.queries.getEvent, { eventId });
    expect(bView.viewerRsvp).toMatchObject({ status: "going", promotedFromWaitlistAt: expect.any(Number) });
    expect(bView.onlineUrl).toBeDefined();
    expect((await c.as.query(api.events.queries.getEvent, { eventId })).viewerRsvp).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 1,
    });
    // The promoted member is told (inbox + email); nobody else is.
    await t.finishAllScheduledFunctions(() => {});
    const told = await t.run((ctx) => ctx.db.query("notifications").collect());
    expect(told.map((n) => [n.userId, n.kind, n.eventId])).toEqual([[b.userId, "waitlist_promoted", eventId]]);
    const attendees = await admin.as.query(api.events.queries.listAttendees, { eventId, paginationOpts: page });
    expect(attendees.page.map((r) => [r.name, r.status, r.waitlistPosition ?? null])).toEqual([
      ["Member 1", "not_going", null],
      ["Member 2", "going", null],
      ["Member 3", "waitlisted", 1],
    ]);
  });

  test("raising the capacity promotes from the waitlist; lowering it demotes no one", async () => {
    const { admin, people, eventId, counts } = await world({ capacity: 1, members: 3 });
    for (const p of people) await p.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    expect(await counts()).toEqual({ going: 1, maybe: 0, waitlist: 2 });
    const event = await admin.as.query(api.events.queries.getEvent, { eventId });
    const form = {
      title: event.title,
      eventType: event.eventType,
      startLocal: event.startLocal,
      endLocal: event.endLocal,
      timezone: event.timezone,
    };
    await admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...form, capacity: 2 });
    expect(await counts()).toEqual({ going: 2, maybe: 0, waitlist: 1 });
    await admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...form, capacity: 1 });
    expect(await counts()).toEqual({ going: 2, maybe: 0, waitlist: 1 });
    await admin.as.mutation(api.events.mutations.updateEvent, { eventId, ...form });
    expect(await counts()).toEqual({ going: 3, maybe: 0, waitlist: 0 });
  });

  test("listAttendees by status lists the waitlist in queue order with positions", async () => {
    const { admin, people, eventId } = await world({ capacity: 1, members: 4 });
    for (const p of people) await p.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const waitlist = await admin.as.query(api.events.queries.listAttendees, {
      eventId,
      status: "waitlisted",
      paginationOpts: { numItems: 2, cursor: null },
    });
    expect(waitlist.page.map((r) => [r.name, r.waitlistPosition])).toEqual([
      ["Member 2", 1],
      ["Member 3", 2],
    ]);
    const rest = await admin.as.query(api.events.queries.listAttendees, {
      eventId,
      status: "waitlisted",
      paginationOpts: { numItems: 2, cursor: waitlist.continueCursor },
    });
    expect(rest.page.map((r) => [r.name, r.waitlistPosition])).toEqual([["Member 4", 3]]);
  });
});

describe("concurrency", () => {
  test("two members taking the last seat at once: exactly one going, the other waitlisted", async () => {
    const { people, eventId, counts } = await world({ capacity: 2, members: 3 });
    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await a.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const results = await Promise.all([
      b.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" }),
      c.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["going", "waitlisted"]);
    expect(results.find((r) => r.status === "waitlisted")).toEqual({ status: "waitlisted", waitlistPosition: 1 });
    expect(await counts()).toEqual({ going: 2, maybe: 0, waitlist: 1 });
  });
});

/** Documents read by one call of a registered function's handler, as `as`. */
async function docsRead(as: Pick<TestBackend, "run">, fn: unknown, args: Record<string, unknown>): Promise<number> {
  return await as.run(async (ctx) => {
    await (fn as { _handler: (ctx: unknown, args: unknown) => Promise<unknown> })._handler(ctx, args);
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}

describe("bounded reads at 2,000 RSVPs", () => {
  test("event page, dashboard and rsvp read a bounded number of documents", async () => {
    const { t, admin, people, eventId, orgId } = await world({ capacity: 1000, members: 2 });
    const [early, late] = people as [(typeof people)[0], (typeof people)[0]];
    // 1,000 going and 1,000 waitlisted, written directly (with consistent counters).
    await t.run(async (ctx) => {
      const now = Date.now();
      for (let i = 0; i < 2000; i++) {
        const userId = await ctx.db.insert("users", { name: `Bulk ${i}` });
        const waitlisted = i >= 1000;
        await ctx.db.insert("eventAttendance", {
          eventId,
          userId,
          rsvpStatus: waitlisted ? "waitlisted" : "going",
          rsvpAt: now,
          ...(waitlisted ? { waitlistOrder: i - 999, waitlistedAt: now } : {}),
        });
      }
      await ctx.db.patch("events", eventId, { goingCount: 1000, waitlistCount: 1000, waitlistSeq: 1000 });
    });
    // Many other events in the org as well.
    await t.run(async (ctx) => {
      const base = await ctx.db.get("events", eventId);
      const { _id: _ignored, _creationTime: _ct, ...rest } = base!;
      for (let i = 0; i < 300; i++) {
        await ctx.db.insert("events", {
          ...rest,
          title: `Other ${i}`,
          startTime: rest.startTime + (i + 1) * 86_400_000,
          endTime: rest.endTime + (i + 1) * 86_400_000,
        });
      }
    });

    const lateResult = await late.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    expect(lateResult).toEqual({ status: "waitlisted", waitlistPosition: 1001 });
    const page = await late.as.query(api.events.queries.getEvent, { eventId });
    expect(page.viewerRsvp).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 201,
      waitlistPositionIsLowerBound: true,
    });

    const lateReads = await docsRead(late.as, getEvent, { eventId });
    expect(lateReads).toBeGreaterThan(200); // the capped waitlist count is really read…
    expect(lateReads).toBeLessThanOrEqual(210); // …and no more
    expect(await docsRead(early.as, getEvent, { eventId })).toBeLessThanOrEqual(10);
    expect(await docsRead(t, getEvent, { eventId })).toBeLessThanOrEqual(10);
    expect(await docsRead(late.as, myUpcomingEvents, {})).toBeLessThanOrEqual(30);

    // A going member dropping out reads a handful of documents and promotes the queue's head.
    const goingUser = await t.run(
      async (ctx) =>
        (await ctx.db
          .query("eventAttendance")
          .withIndex("by_event_status_order", (q) => q.eq("eventId", eventId).eq("rsvpStatus", "going"))
          .first())!.userId,
    );
    await t.run(async (ctx) => {
      await ctx.db.insert("orgMemberships", {
        orgId: orgId as Id<"organizations">,
        userId: goingUser,
        role: "member",
        joinedAt: Date.now(),
      });
    });
    const sessionId = await t.run(async (ctx) =>
      ctx.db.insert("authSessions", { userId: goingUser, expirationTime: Date.now() + 86_400_000 }),
    );
    const goer = t.withIdentity({ subject: `${goingUser}|${sessionId}` });
    const reads = await goer.run(async (ctx) => {
      await (rsvp as unknown as { _handler: (ctx: unknown, args: unknown) => Promise<unknown> })._handler(ctx, {
        eventId,
        status: "not_going",
      });
      return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
    });
    expect(reads).toBeGreaterThan(3);
    expect(reads).toBeLessThanOrEqual(13); // 12, and the membership whose attendance counters move
    const counts = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect([counts.goingCount, counts.waitlistCount]).toEqual([1000, 1000]);
  });
});
