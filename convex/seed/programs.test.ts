import { describe, expect, test } from "vitest";
import { internal } from "../_generated/api";
import { newTest } from "../test.setup";
import { ORGS, PEOPLE } from "./data";

describe("demo programs", () => {
  test("a reading group half-way with one participant at risk, and a completed fellowship with certificates", async () => {
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
    const { programs, enrollments, events, emails } = await t.run(async (ctx) => ({
      programs: await ctx.db.query("programs").collect(),
      enrollments: await ctx.db.query("programEnrollments").collect(),
      events: await ctx.db.query("events").collect(),
      emails: await ctx.db.query("emails").collect(),
    }));
    const now = Date.now();
    const group = programs.find((p) => p.kind === "reading_group")!;
    const fellowship = programs.find((p) => p.kind === "fellowship")!;
    expect(group.status).toBe("active");
    expect(fellowship.status).toBe("completed");
    const sessions = events.filter((e) => e.programId === group._id);
    expect(sessions.filter((s) => s.endTime < now)).toHaveLength(4);
    expect(sessions.filter((s) => s.startTime > now)).toHaveLength(4);
    const cohort = enrollments.filter((e) => e.programId === group._id);
    expect(cohort.filter((e) => e.atRiskAt !== undefined)).toHaveLength(1);
    // One late joiner, enrolled after two sessions: those are not absences, so not at risk.
    const firstStart = Math.min(...sessions.map((s) => s.startTime));
    const late = cohort.filter((e) => e.enrolledAt! > firstStart);
    expect(late).toHaveLength(1);
    expect(late[0]!.attended).toBe(2);
    expect(late[0]!.atRiskAt).toBeUndefined();
    expect(group.enrolledCount).toBe(cohort.length);
    // Participants are RSVP'd going to the sessions to come.
    const upcoming = sessions.filter((s) => s.startTime > now);
    expect(upcoming.every((s) => s.goingCount === cohort.length)).toBe(true);
    const done = enrollments.filter((e) => e.programId === fellowship._id && e.completedAt !== undefined);
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(emails.filter((e) => e.kind === "program_at_risk")).toHaveLength(1);
  }, 120_000);
});
