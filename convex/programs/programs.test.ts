import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { formatInTimeZone } from "date-fns-tz";
import { api, internal } from "../_generated/api";
import { addMember, addOrg, addPerson, allEmails, as, DAY, HOUR } from "../notifications/testing";
import { expectConvexError } from "../test.fixtures";
import { newTest, type TestBackend } from "../test.setup";
import { signalsHash, completeSignals } from "../engagement/signals";
import { planSeries } from "./recurrence";

// Monday 1 March 2027, 10:00 UTC: a series from Tuesday 16 March crosses the UK's DST change
// (Sunday 28 March 2027).
const NOW = Date.UTC(2027, 2, 1, 10, 0);
const TZ = "Europe/London";

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => vi.useRealTimers());

const programForm = {
  name: "AI Safety Fundamentals",
  description: "Weekly **reading** group.",
  kind: "reading_group" as const,
  startDate: "2027-03-16",
  endDate: "2027-05-04",
  timezone: TZ,
  enrollmentMode: "open" as const,
  countExcused: true,
};

const series = {
  firstDate: "2027-03-16",
  startTime: "18:30",
  durationMinutes: 90,
  rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
  exdates: [] as string[],
};

async function world() {
  const t = newTest();
  const adminId = await addPerson(t, { name: "Admin" });
  const orgId = await addOrg(t, adminId);
  const adaId = await addPerson(t, { name: "Ada Lovelace" });
  await addMember(t, orgId, adaId);
  const admin = await as(t, adminId);
  const ada = await as(t, adaId);
  const { programId } = await admin.mutation(api.programs.mutations.createProgram, { orgId, ...programForm });
  return { t, orgId, adminId, adaId, admin, ada, programId };
}

async function rows(t: TestBackend) {
  return await t.run(async (ctx) => ({
    programs: await ctx.db.query("programs").collect(),
    enrollments: await ctx.db.query("programEnrollments").collect(),
    events: await ctx.db.query("events").collect(),
  }));
}

describe("recurrence", () => {
  test("weekly 18:30 stays 18:30 local across the March and October DST changes", () => {
    const spring = planSeries({ ...series, timezone: TZ }, NOW);
    expect(spring).toHaveLength(8);
    expect(spring.map((s) => formatInTimeZone(s.startTime, TZ, "yyyy-MM-dd HH:mm"))).toEqual([
      "2027-03-16 18:30",
      "2027-03-23 18:30",
      "2027-03-30 18:30",
      "2027-04-06 18:30",
      "2027-04-13 18:30",
      "2027-04-20 18:30",
      "2027-04-27 18:30",
      "2027-05-04 18:30",
    ]);
    // GMT before the change, BST after: the UTC hour moves, the local one does not.
    expect(new Date(spring[1]!.startTime).getUTCHours()).toBe(18);
    expect(new Date(spring[2]!.startTime).getUTCHours()).toBe(17);
    const autumn = planSeries({ ...series, firstDate: "2027-10-19", timezone: TZ }, NOW);
    expect(autumn.map((s) => formatInTimeZone(s.startTime, TZ, "HH:mm"))).toEqual(Array(8).fill("18:30"));
    expect(new Date(autumn[0]!.startTime).getUTCHours()).toBe(17);
    expect(new Date(autumn[2]!.startTime).getUTCHours()).toBe(18);
  });

  test("skipped dates are left out, and the rule's count does not refill them", () => {
    const planned = planSeries({ ...series, exdates: ["2027-03-30"], timezone: TZ }, NOW);
    expect(planned).toHaveLength(7);
    expect(planned.map((s) => formatInTimeZone(s.startTime, TZ, "MM-dd"))).not.toContain("03-30");
  });

  test("New York: 18:30 across its own DST change", () => {
    const planned = planSeries(
      { ...series, firstDate: "2027-03-02", timezone: "America/New_York", rrule: "FREQ=WEEKLY;COUNT=4" },
      NOW,
    );
    expect(planned.map((s) => formatInTimeZone(s.startTime, "America/New_York", "HH:mm"))).toEqual(
      Array(4).fill("18:30"),
    );
  });
});

describe("bad input: a field error and nothing written", () => {
  test.each([
    ["no sessions", { ...series, rrule: "FREQ=WEEKLY;COUNT=1", exdates: ["2027-03-16"] }, "rrule"],
    ["more than 100", { ...series, rrule: "FREQ=DAILY;COUNT=101" }, "rrule"],
    ["endless rule", { ...series, rrule: "FREQ=DAILY" }, "rrule"],
    ["not a rule", { ...series, rrule: "EVERY TUESDAY" }, "rrule"],
    ["bad time", { ...series, startTime: "25:00" }, "startTime"],
    ["bad exdate", { ...series, exdates: ["tuesday"] }, "exdates"],
    ["criteria above the sessions", { ...series, minAttended: 9 }, "minAttended"],
  ])("series: %s", async (_label, input, field) => {
    const { t, orgId, admin, programId } = await world();
    const before = await rows(t);
    const error = await expectConvexError(
      admin.mutation(api.programs.mutations.createSeries, { orgId, programId, ...input }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    expect(await rows(t)).toEqual(before);
  });

  test.each([
    ["end before start", { endDate: "2027-03-01" }, "endDate"],
    ["empty name", { name: "  " }, "name"],
    ["bad timezone", { timezone: "Mars/Olympus" }, "timezone"],
    ["criteria without sessions", { minAttended: 3 }, "minAttended"],
  ])("program: %s", async (_label, patch, field) => {
    const { t, orgId, admin } = await world();
    const before = await rows(t);
    const error = await expectConvexError(
      admin.mutation(api.programs.mutations.createProgram, { orgId, ...programForm, ...patch }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    expect(await rows(t)).toEqual(before);
  });

  test("capacity below the enrolled count", async () => {
    const { t, orgId, admin, ada, programId } = await world();
    await admin.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
    await ada.mutation(api.programs.mutations.join, { orgId, programId });
    const bob = await addPerson(t, { name: "Bob" });
    await addMember(t, orgId, bob);
    await (await as(t, bob)).mutation(api.programs.mutations.join, { orgId, programId });
    const before = await rows(t);
    const error = await expectConvexError(
      admin.mutation(api.programs.mutations.updateProgram, { orgId, programId, ...programForm, capacity: 1 }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "capacity" });
    expect(await rows(t)).toEqual(before);
  });
});

describe("enrollment and participation", () => {
  async function activeWithSessions() {
    const w = await world();
    await w.admin.mutation(api.programs.mutations.setProgramStatus, {
      orgId: w.orgId,
      programId: w.programId,
      status: "active",
    });
    const { eventIds } = await w.admin.mutation(api.programs.mutations.createSeries, {
      orgId: w.orgId,
      programId: w.programId,
      ...series,
      minAttended: 6,
    });
    return { ...w, eventIds };
  }

  test("joining RSVPs going to every upcoming session; declining one; leaving removes them", async () => {
    const { t, orgId, ada, adaId, programId, eventIds } = await activeWithSessions();
    expect(await ada.mutation(api.programs.mutations.join, { orgId, programId })).toEqual({ status: "enrolled" });
    const rsvps = await t.run(async (ctx) =>
      (await ctx.db.query("eventAttendance").collect()).filter((r) => r.userId === adaId),
    );
    expect(rsvps.map((r) => r.rsvpStatus)).toEqual(Array(8).fill("going"));
    await ada.mutation(api.events.mutations.rsvp, { eventId: eventIds[3]!, status: "not_going" });
    const page = await ada.query(api.programs.queries.getProgram, { orgId, programId });
    expect(page.sessions.map((s) => s.viewerRsvp)).toEqual([
      "going",
      "going",
      "going",
      "not_going",
      "going",
      "going",
      "going",
      "going",
    ]);
    expect(page.viewer?.progress).toMatchObject({ attended: 0, total: 8, required: 6 });
    await ada.mutation(api.programs.mutations.leave, { orgId, programId });
    const left = await t.run(async (ctx) =>
      (await ctx.db.query("eventAttendance").collect()).filter((r) => r.userId === adaId),
    );
    expect(left).toHaveLength(0);
    expect((await rows(t)).programs[0]!.enrolledCount).toBe(0);
  });

  test("progress, the matrix, at risk (one email) and completion come from attendance records", async () => {
    const { t, orgId, admin, ada, adaId, programId, eventIds } = await activeWithSessions();
    await ada.mutation(api.programs.mutations.join, { orgId, programId });
    const mark = async (i: number, state: "attended" | "no_show" | "excused") =>
      await admin.mutation(api.attendance.mutations.markAttendance, { eventId: eventIds[i]!, userId: adaId, state });
    const sessions = (await rows(t)).events.sort((a, b) => a.startTime - b.startTime);
    // Session 1 and 2 are over: attended both.
    vi.setSystemTime(sessions[1]!.endTime + HOUR);
    await mark(0, "attended");
    await mark(1, "attended");
    let page = await ada.query(api.programs.queries.getProgram, { orgId, programId });
    expect(page.viewer?.progress).toMatchObject({ attended: 2, total: 8 });
    let m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.participants[0]!.cells.slice(0, 3)).toEqual(["attended", "attended", "upcoming"]);
    // Sessions 3–5 missed: 3 absences > 8 − 6 allowed, once their grace period is over.
    vi.setSystemTime(sessions[4]!.endTime + 2 * DAY);
    await mark(2, "no_show");
    m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.participants[0]!.cells.slice(0, 5)).toEqual(["attended", "attended", "missed", "missed", "missed"]);
    expect(m.participants[0]!.progress.atRisk).toBe(true);
    await t.mutation(internal.programs.jobs.review, { programId, cursor: null });
    const notes = (await allEmails(t)).filter((e) => e.kind === "program_at_risk");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.html).toContain("AI Safety Fundamentals");
    // Excusing one brings them back within the allowed absences (excused counts here).
    await mark(3, "excused");
    m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.participants[0]!.progress.atRisk).toBe(false);
    // Attend the rest: completed at 6 credited (4 attended + ... ) and a certificate.
    vi.setSystemTime(sessions[7]!.endTime + HOUR);
    for (const i of [4, 5, 6, 7]) await mark(i, "attended");
    page = await ada.query(api.programs.queries.getProgram, { orgId, programId });
    expect(page.viewer?.progress).toMatchObject({ attended: 6, excused: 1, credited: 7 });
    expect(page.viewer?.progress?.completedAt).toBeDefined();
    const cert = await ada.query(api.programs.queries.certificate, { orgId, programId });
    expect(cert).toMatchObject({ name: "Ada Lovelace", programName: "AI Safety Fundamentals", attended: 6 });
    // No second at-risk email, ever; engagement counters moved.
    expect((await allEmails(t)).filter((e) => e.kind === "program_at_risk")).toHaveLength(1);
    const membership = await t.run(async (ctx) =>
      (await ctx.db.query("orgMemberships").collect()).find((x) => x.userId === adaId),
    );
    expect(membership?.attendanceStats).toMatchObject({ programSessionsAttended: 6, programsCompleted: 1 });
  });

  test("late joiners: earlier sessions are 'not enrolled yet', not absences; completion and at-risk settle on the attendance write", async () => {
    const { t, orgId, admin, ada, adaId, programId, eventIds } = await activeWithSessions();
    const bobId = await addPerson(t, { name: "Bob Late" });
    await addMember(t, orgId, bobId);
    const bob = await as(t, bobId);
    const sessions = (await rows(t)).events.sort((a, b) => a.startTime - b.startTime);
    const mark = async (i: number, state: "attended" | "no_show" | "excused") =>
      await admin.mutation(api.attendance.mutations.markAttendance, { eventId: eventIds[i]!, userId: adaId, state });
    const stored = async (userId: typeof adaId) => (await rows(t)).enrollments.find((e) => e.userId === userId)!;
    const atRiskEmails = async () => (await allEmails(t)).filter((e) => e.kind === "program_at_risk");
    // Ada joins after two sessions (both long over): 0 attended + 6 still open ≥ 6 required.
    vi.setSystemTime(sessions[1]!.endTime + 2 * DAY);
    await ada.mutation(api.programs.mutations.join, { orgId, programId });
    let m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.participants[0]!.cells.slice(0, 3)).toEqual(["not_enrolled", "not_enrolled", "upcoming"]);
    expect(m.participants[0]!.progress).toMatchObject({ attended: 0, total: 8, joinedAfter: 2, atRisk: false });
    expect((await stored(adaId)).atRiskAt).toBeUndefined();
    const page = await ada.query(api.programs.queries.getProgram, { orgId, programId });
    expect(page.sessions.map((s) => s.beforeJoining).slice(0, 3)).toEqual([true, true, false]);
    // Session 3 ends and the admin records a no-show at once: now 0 + 5 open < 6. The flag and
    // the one email come with the write, not with the review job.
    vi.setSystemTime(sessions[2]!.endTime + HOUR);
    await mark(2, "no_show");
    expect((await stored(adaId)).atRiskAt).toBeDefined();
    expect(await atRiskEmails()).toHaveLength(1);
    m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.participants[0]!.cells.slice(0, 3)).toEqual(["not_enrolled", "not_enrolled", "missed"]);
    expect(m.participants[0]!.progress.atRisk).toBe(true);
    // Excused instead (excused counts here): 1 + 5 ≥ 6, cleared by the same write.
    await mark(2, "excused");
    expect((await stored(adaId)).atRiskAt).toBeUndefined();
    // Bob joins after three sessions: 0 + 5 < 6, flagged for admins at once, but no "missed you".
    vi.setSystemTime(sessions[2]!.endTime + 2 * DAY);
    await bob.mutation(api.programs.mutations.join, { orgId, programId });
    expect((await stored(bobId)).atRiskAt).toBeDefined();
    expect(await atRiskEmails()).toHaveLength(1);
    // Ada attends the rest: complete (1 excused + 5 attended = 6) the moment the sixth is
    // recorded, certificate included, before any review job.
    vi.setSystemTime(sessions[7]!.endTime + HOUR);
    for (const i of [3, 4, 5, 6]) await mark(i, "attended");
    expect((await stored(adaId)).completedAt).toBeUndefined();
    await mark(7, "attended");
    expect((await stored(adaId)).completedAt).toBeDefined();
    const cert = await ada.query(api.programs.queries.certificate, { orgId, programId });
    expect(cert).toMatchObject({ name: "Ada Lovelace", attended: 5, total: 8 });
    // Idempotent: the review job afterwards changes nothing and sends nothing more.
    const before = await stored(adaId);
    await t.mutation(internal.programs.jobs.review, { programId, cursor: null });
    expect(await stored(adaId)).toEqual(before);
    expect(await atRiskEmails()).toHaveLength(1);
  });

  test("edit this and all following keeps each date and sets the new local time", async () => {
    const { orgId, admin, programId, eventIds, t } = await activeWithSessions();
    const { updated } = await admin.mutation(api.programs.mutations.updateSessions, {
      orgId,
      programId,
      eventId: eventIds[5]!,
      scope: "following",
      startTime: "19:00",
      durationMinutes: 60,
    });
    expect(updated).toBe(3);
    const times = (await rows(t)).events
      .sort((a, b) => a.startTime - b.startTime)
      .map((e) => formatInTimeZone(e.startTime, TZ, "MM-dd HH:mm"));
    expect(times.slice(4)).toEqual(["04-13 18:30", "04-20 19:00", "04-27 19:00", "05-04 19:00"]);
  });

  test("apply mode: pending until an admin adds them", async () => {
    const { t, orgId, admin, ada, adaId, programId } = await world();
    await admin.mutation(api.programs.mutations.updateProgram, {
      orgId,
      programId,
      ...programForm,
      enrollmentMode: "apply",
    });
    await admin.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
    expect(await ada.mutation(api.programs.mutations.join, { orgId, programId })).toEqual({ status: "pending" });
    const m = await admin.query(api.programs.queries.matrix, { orgId, programId });
    expect(m.applications.map((a) => a.userId)).toEqual([adaId]);
    await admin.mutation(api.programs.mutations.addParticipant, { orgId, programId, userId: adaId });
    const p = (await rows(t)).programs[0]!;
    expect([p.enrolledCount, p.pendingCount]).toEqual([1, 0]);
  });
});

describe("add a member: server-side search", () => {
  test("finds any member by name (past the first hundred) or by a whole, shared email; bad input is a field error", async () => {
    const { t, orgId, admin, ada, programId } = await world();
    const ids = await t.run(async (ctx) => {
      const out = [];
      for (let i = 0; i < 120; i++) {
        const userId = await ctx.db.insert("users", { name: `Filler ${i}`, email: `filler${i}@example.com` });
        await ctx.db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
        out.push(userId);
      }
      return out;
    });
    const zoeId = await addPerson(t, { name: "Zoë Quartermain", email: "zoe@example.com" });
    await addMember(t, orgId, zoeId);
    await t.mutation(internal.crm.directoryBackfill.backfillOrg, { orgId, cursor: null });
    const search = (text: string) =>
      admin.query(api.programs.candidates.searchCandidates, { orgId, programId, search: text });
    expect(ids).toHaveLength(120);
    expect((await search("Quartermain")).map((c) => c.userId)).toEqual([zoeId]);
    expect(await search("   ")).toEqual([]);
    // Email: only when the member shares it with admins.
    expect(await search("zoe@example.com")).toEqual([]);
    await t.run(async (ctx) => {
      const profile = (await ctx.db.query("profiles").collect()).find((p) => p.userId === zoeId)!;
      await ctx.db.patch("profiles", profile._id, { privacy: { ...profile.privacy, email: true } });
    });
    expect(await search(" ZOE@example.com ")).toEqual([{ userId: zoeId, name: "Zoë Quartermain", status: null }]);
    const field = { code: "INVALID_ARGUMENT", field: "search" };
    expect(await expectConvexError(search("zoe@"))).toMatchObject(field);
    expect(await expectConvexError(search("x".repeat(101)))).toMatchObject(field);
    // Adding shows in the next search; members cannot search.
    await admin.mutation(api.programs.mutations.addParticipant, { orgId, programId, userId: zoeId });
    expect((await search("Quartermain"))[0]!.status).toBe("enrolled");
    const asMember = ada.query(api.programs.candidates.searchCandidates, { orgId, programId, search: "Zo" });
    expect(await expectConvexError(asMember)).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("lifecycle", () => {
  test("sessions of an open program get reminder jobs and the after-event prompt, with no org-wide announcement each", async () => {
    const { t, orgId, admin, programId } = await world();
    await admin.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
    await admin.mutation(api.programs.mutations.createSeries, { orgId, programId, ...series });
    const { jobs, events } = await t.run(async (ctx) => ({
      jobs: await ctx.db.query("eventReminderJobs").collect(),
      events: await ctx.db.query("events").collect(),
    }));
    expect(jobs).toHaveLength(8 * 2); // 1 day and 1 hour before each session
    expect(events.every((e) => e.status === "published" && e.attendancePrompt !== undefined)).toBe(true);
    const scheduled = await t.run(async (ctx) => ctx.db.system.query("_scheduled_functions").collect());
    expect(scheduled.filter((f) => f.name.includes("announceEventPage"))).toHaveLength(0);
  });

  test("a session's event page links to its program for members only: 'Session 3 of 8'", async () => {
    const { t, orgId, admin, ada, programId } = await world();
    const { eventIds } = await admin.mutation(api.programs.mutations.createSeries, { orgId, programId, ...series });
    const outsider = await as(t, await addPerson(t, { name: "Outsider" }));
    const ask = (who: typeof ada, i: number) =>
      who.query(api.programs.sessions.sessionProgram, { eventId: eventIds[i]! });
    // A draft program: admins only.
    expect(await ask(ada, 2)).toBeNull();
    expect(await ask(admin, 2)).toMatchObject({ programId, index: 3, total: 8, name: "AI Safety Fundamentals" });
    await admin.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
    expect(await ask(ada, 2)).toMatchObject({ programId, index: 3, total: 8 });
    expect(await ask(outsider, 2)).toBeNull();
    expect(await t.query(api.programs.sessions.sessionProgram, { eventId: eventIds[2]! })).toBeNull();
    // A cancelled earlier session moves the numbering; the cancelled one has no number.
    await admin.mutation(api.events.mutations.cancelEvent, { eventId: eventIds[0]!, reason: "Holiday" });
    expect(await ask(ada, 2)).toMatchObject({ index: 2, total: 7 });
    expect(await ask(ada, 0)).toMatchObject({ index: null });
  });

  test("a cancelled session stops counting; leaving the org leaves its programs", async () => {
    const { t, orgId, admin, ada, adaId, programId } = await world();
    await admin.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
    const { eventIds } = await admin.mutation(api.programs.mutations.createSeries, { orgId, programId, ...series });
    await ada.mutation(api.programs.mutations.join, { orgId, programId });
    await admin.mutation(api.events.mutations.cancelEvent, { eventId: eventIds[7]!, reason: "Holiday" });
    let p = (await rows(t)).programs[0]!;
    expect([p.sessionCount, p.enrolledCount]).toEqual([7, 1]);
    await ada.mutation(api.orgs.mutations.leaveOrg, { orgId });
    const r = await rows(t);
    p = r.programs[0]!;
    expect(p.enrolledCount).toBe(0);
    expect(r.enrollments.find((e) => e.userId === adaId)?.status).toBe("left");
  });

  test("programs completed and sessions attended enter the engagement signals' hash", () => {
    const base = completeSignals({
      eventsAttended: 3,
      eventsRsvped: 4,
      totalOrgEvents: 10,
      profileCompleteness: 50,
      lastActivityAt: 1,
      membershipDurationDays: 40,
    });
    expect(signalsHash({ ...base, programsCompleted: 1 })).not.toBe(signalsHash(base));
    expect(signalsHash({ ...base, programSessions: 5 })).not.toBe(signalsHash(base));
  });
});

test("the at-risk email escapes the program's and the member's names", async () => {
  const { programAtRiskEmail } = await import("../emails/templates");
  const email = programAtRiskEmail({
    memberName: "<img src=x onerror=alert(1)>",
    programName: 'Evals & "Control" <script>',
    orgName: "Hub",
    attended: 1,
    required: 6,
    total: 8,
    programUrl: "https://app.example/org/hub/programs/p1",
    links: { settingsUrl: "https://app.example/settings" },
  });
  expect(email.html).not.toContain("<script>");
  expect(email.html).not.toContain("<img");
  expect(email.html).toContain("Evals &amp; &quot;Control&quot; &lt;script&gt;");
  expect(email.text).toContain("1 of 8");
});
