import { describe, expect, test } from "vitest";
import { api, internal } from "../_generated/api";
import { newTest } from "../test.setup";
import { ORGS, PEOPLE } from "./data";
import { DEMO_EVENTS } from "./events";

describe("demo events", () => {
  test("every demo org gets past and upcoming events whose counters match their RSVPs", async () => {
    const t = newTest();
    const people = await t.run(async (ctx) => {
      const rows = [];
      for (const [index, person] of PEOPLE.entries()) {
        rows.push({ userId: await ctx.db.insert("users", { name: person.name, email: person.email }), index });
      }
      return rows;
    });
    await t.mutation(internal.seed.demo.populate, { people });
    for (const orgIndex of ORGS.keys()) await t.mutation(internal.seed.demo.populateOrg, { people, orgIndex });

    const now = Date.now();
    const { events, rsvps } = await t.run(async (ctx) => ({
      events: await ctx.db.query("events").collect(),
      rsvps: await ctx.db.query("eventAttendance").collect(),
    }));
    // Plus the demo programs' sessions (events too, checked with the rest below).
    expect(events.filter((e) => e.programId === undefined)).toHaveLength(Object.values(DEMO_EVENTS).flat().length);
    for (const org of ORGS) {
      const orgId = await t.run(
        async (ctx) =>
          (await ctx.db
            .query("organizations")
            .withIndex("by_slug", (q) => q.eq("slug", org.slug))
            .unique())!._id,
      );
      const mine = events.filter((e) => e.orgId === orgId);
      expect(mine.some((e) => e.endTime < now)).toBe(true);
      expect(mine.some((e) => e.startTime > now && e.status === "published")).toBe(true);
    }
    for (const event of events) {
      const rows = rsvps.filter((r) => r.eventId === event._id);
      expect(event.goingCount).toBe(rows.filter((r) => r.rsvpStatus === "going").length);
      expect(event.maybeCount).toBe(rows.filter((r) => r.rsvpStatus === "maybe").length);
      expect(event.waitlistCount).toBe(rows.filter((r) => r.rsvpStatus === "waitlisted").length);
      expect(event.waitlistSeq).toBeGreaterThanOrEqual(event.waitlistCount);
      if (event.capacity !== undefined) expect(event.goingCount).toBeLessThanOrEqual(event.capacity);
      if (event.waitlistCount > 0) expect(event.goingCount).toBe(event.capacity);
    }
    expect(events.filter((e) => e.status === "cancelled")).toHaveLength(1);
    expect(events.filter((e) => e.status === "draft").length).toBeGreaterThanOrEqual(1);
    expect(rsvps.some((r) => r.attended === true)).toBe(true);
    expect(rsvps.some((r) => r.attended === false)).toBe(true);

    // Attendance: every kind of record appears, and the counters agree with the rows.
    for (const source of ["check_in", "admin", "self_report"] as const) {
      expect(rsvps.some((r) => r.state === "attended" && r.source === source)).toBe(true);
    }
    expect(rsvps.some((r) => r.disputed === true)).toBe(true);
    expect(rsvps.some((r) => r.state === "excused")).toBe(true);
    expect(rsvps.some((r) => r.walkIn === true)).toBe(true);
    expect(rsvps.some((r) => r.feedback?.anonymous === true)).toBe(true);
    for (const event of events) {
      const rows = rsvps.filter((r) => r.eventId === event._id);
      const stats = event.attendanceStats ?? {
        attended: 0,
        noShows: 0,
        disputed: 0,
        feedbackCount: 0,
        ratingSum: 0,
        walkIns: 0,
      };
      expect(stats.attended).toBe(rows.filter((r) => r.state === "attended").length);
      expect(stats.noShows).toBe(rows.filter((r) => r.state === "no_show").length);
      expect(stats.disputed).toBe(rows.filter((r) => r.disputed === true).length);
      expect(stats.walkIns).toBe(rows.filter((r) => r.walkIn === true).length);
      expect(stats.feedbackCount).toBe(rows.filter((r) => r.feedback?.rating !== undefined).length);
      expect(stats.ratingSum).toBe(rows.reduce((sum, r) => sum + (r.feedback?.rating ?? 0), 0));
    }
    const memberships = await t.run(async (ctx) => ctx.db.query("orgMemberships").collect());
    for (const m of memberships) {
      const mine = rsvps.filter(
        (r) => r.userId === m.userId && events.find((e) => e._id === r.eventId)?.orgId === m.orgId,
      );
      const stats = m.attendanceStats ?? { attendedVerified: 0, attendedSelfReported: 0, noShows: 0, rsvped: 0 };
      expect(stats.attendedVerified).toBe(
        mine.filter((r) => r.state === "attended" && r.source !== "self_report").length,
      );
      expect(stats.attendedSelfReported).toBe(
        mine.filter((r) => r.state === "attended" && r.source === "self_report").length,
      );
      expect(stats.noShows).toBe(mine.filter((r) => r.state === "no_show").length);
      expect(stats.rsvped).toBe(mine.filter((r) => r.rsvpCounted === true).length);
    }

    // The demo member (Chen) sees the waitlist on the full workshop, and a live dashboard.
    const chen = people[2]!.userId;
    const session = await t.run(async (ctx) =>
      ctx.db.insert("authSessions", { userId: chen, expirationTime: now + 86_400_000 }),
    );
    const asChen = t.withIdentity({ subject: `${chen}|${session}` });
    const full = events.find((e) => e.title.startsWith("Hands-on workshop"))!;
    const page = await asChen.query(api.events.queries.getEvent, { eventId: full._id });
    expect(page.viewerRsvp).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    const dashboard = await asChen.query(api.events.queries.myUpcomingEvents, {});
    expect(dashboard.events.length).toBeGreaterThan(3);
  });
});

describe("demo engagement", () => {
  test("every demo member has a score with an explanation, a finished run per org, and two overrides with reasons", async () => {
    const t = newTest();
    const people = await t.run(async (ctx) => {
      const rows = [];
      for (const [index, person] of PEOPLE.entries()) {
        rows.push({ userId: await ctx.db.insert("users", { name: person.name, email: person.email }), index });
      }
      return rows;
    });
    await t.mutation(internal.seed.demo.populate, { people });
    for (const orgIndex of ORGS.keys()) await t.mutation(internal.seed.demo.populateOrg, { people, orgIndex });
    const { scores, memberships, runs, stats } = await t.run(async (ctx) => ({
      scores: await ctx.db.query("engagementScores").collect(),
      memberships: await ctx.db.query("orgMemberships").collect(),
      runs: await ctx.db.query("engagementRuns").collect(),
      stats: await ctx.db.query("engagementOrgStats").collect(),
    }));
    expect(scores).toHaveLength(memberships.length);
    expect(scores.every((s) => (s.explanation ?? "").length > 0)).toBe(true);
    expect(runs).toHaveLength(ORGS.length);
    expect(runs.every((r) => r.status === "completed" && r.membersDone === r.membersTotal)).toBe(true);
    const overridden = scores.filter((s) => s.overrideLevel !== undefined);
    expect(overridden).toHaveLength(2);
    expect(overridden.every((s) => (s.overrideReason ?? "").length > 0 && s.effectiveLevel === s.overrideLevel)).toBe(
      true,
    );
    for (const s of stats) {
      const mine = scores.filter((x) => x.orgId === s.orgId);
      expect(Object.values(s.levelCounts).reduce((a, b) => a + b, 0)).toBe(mine.length);
    }
  });
});
