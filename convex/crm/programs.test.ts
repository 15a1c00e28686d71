// Programs in the CRM: the directory's program filter, the export's Programs column, attendance
// by program in the stats, and the member record's programs; real data through the real functions.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import { createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser, type TestBackend } from "../test.setup";
import type { DirectoryFilters } from "./directoryPlan";

// Monday 1 March 2027; the sessions are Tuesdays from 16 March.
const NOW = Date.UTC(2027, 2, 1, 10, 0);
const page = { numItems: 50, cursor: null };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => vi.useRealTimers());

const programForm = {
  description: "Weekly **reading** group.",
  kind: "reading_group" as const,
  startDate: "2027-03-16",
  endDate: "2027-04-06",
  timezone: "Europe/London",
  enrollmentMode: "open" as const,
  countExcused: true,
};

/**
 * Ada (admin); Bea, Cy, Dee in "Reading group" (4 sessions, complete at 2); Eve not in it, Bea
 * and Eve tagged. Three sessions held: Bea A A A (completed), Cy A N N, Dee N N N (at risk).
 */
async function world(t: TestBackend) {
  const ada = await signedInUser(t, { name: "Ada" });
  const { orgId } = await createOrgAs(ada.as);
  const people: Record<string, Awaited<ReturnType<typeof signedInUser>>> = {};
  for (const name of ["Bea", "Cy", "Dee", "Eve"]) {
    people[name] = await signedInUser(t, { name });
    await joinOrg(ada.as, people[name].as, orgId);
  }
  const { bea, cy, dee, eve } = { bea: people.Bea!, cy: people.Cy!, dee: people.Dee!, eve: people.Eve! };
  const { programId } = await ada.as.mutation(api.programs.mutations.createProgram, {
    orgId,
    name: "Reading group",
    ...programForm,
  });
  await ada.as.mutation(api.programs.mutations.setProgramStatus, { orgId, programId, status: "active" });
  const { eventIds } = await ada.as.mutation(api.programs.mutations.createSeries, {
    orgId,
    programId,
    firstDate: "2027-03-16",
    startTime: "18:30",
    durationMinutes: 90,
    rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    exdates: [],
    minAttended: 2,
  });
  for (const p of [bea, cy, dee]) await p.as.mutation(api.programs.mutations.join, { orgId, programId });
  const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Speaker", color: "blue" });
  await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [bea.userId, eve.userId] });

  // After the third session (and its grace period): the admin's sheet.
  vi.setSystemTime(Date.UTC(2027, 2, 31, 21));
  const sheet: [typeof bea, string][] = [
    [bea, "AAA"],
    [cy, "ANN"],
    [dee, "NNN"],
  ];
  for (const [p, marks] of sheet) {
    for (const [i, m] of [...marks].entries()) {
      await ada.as.mutation(api.attendance.mutations.markAttendance, {
        eventId: eventIds[i]!,
        userId: p.userId,
        state: m === "A" ? "attended" : "no_show",
      });
    }
  }
  // No-shows raise the flag through the programs' review job (absences move no counter).
  await t.mutation(internal.programs.jobs.review, { programId, cursor: null });
  const names = async (filters: DirectoryFilters) =>
    (await ada.as.query(api.crm.directory.listDirectory, { orgId, filters, paginationOpts: page })).page.map(
      (r) => r.name,
    );
  return { ada, bea, cy, dee, eve, orgId, programId, tagId, eventIds, names };
}

describe("directory by program", () => {
  test("lists the cohort, by participation, combined with a tag, a role, an activity filter, a search and the sort", async () => {
    const t = newTest();
    const { programId, tagId, names } = await world(t);
    expect(await names({})).toEqual(["Ada", "Bea", "Cy", "Dee", "Eve"]);
    expect(await names({ program: programId })).toEqual(["Bea", "Cy", "Dee"]);
    expect(await names({ program: programId, participation: "completed" })).toEqual(["Bea"]);
    expect(await names({ program: programId, participation: "at_risk" })).toEqual(["Dee"]);
    expect(await names({ program: programId, participation: "in_progress" })).toEqual(["Cy", "Dee"]);
    expect(await names({ program: programId, participation: "applied" })).toEqual([]);
    // With a tag (Bea and Eve): only Bea is in both.
    expect(await names({ program: programId, facet: { kind: "tag", value: tagId } })).toEqual(["Bea"]);
    expect(await names({ program: programId, role: "admin" })).toEqual([]);
    // Attended at least 1 event (sorted by events, most first): Bea 3, Cy 1.
    expect(await names({ program: programId, minEvents: 1 })).toEqual(["Bea", "Cy"]);
    expect(await names({ program: programId, sort: "events", order: "asc" })).toEqual(["Dee", "Cy", "Bea"]);
    expect(await names({ program: programId, search: "e" })).toEqual(["Bea", "Dee"]);
    // A range filter on another field than the sort is refused here too.
    const error = await expectConvexError(names({ program: programId, minEvents: 1, sort: "name" }));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "sort" });
  });

  test("pages through the cohort and refuses unknown programs and non-admins", async () => {
    const t = newTest();
    const { ada, bea, orgId, programId } = await world(t);
    const list = (cursor: string | null) =>
      ada.as.query(api.crm.directory.listDirectory, {
        orgId,
        filters: { program: programId },
        paginationOpts: { numItems: 2, cursor },
      });
    const one = await list(null);
    expect(one.page.map((r) => r.name)).toEqual(["Bea", "Cy"]);
    expect(one.isDone).toBe(false);
    const two = await list(one.continueCursor);
    expect(two.page.map((r) => r.name)).toEqual(["Dee"]);
    expect(two.isDone).toBe(true);

    const forbidden = await expectConvexError(
      bea.as.query(api.crm.directory.listDirectory, { orgId, filters: { program: programId }, paginationOpts: page }),
    );
    expect(forbidden).toMatchObject({ code: "FORBIDDEN" });
    const unknown = await expectConvexError(
      ada.as.query(api.crm.directory.listDirectory, { orgId, filters: { program: "nope" }, paginationOpts: page }),
    );
    expect(unknown).toMatchObject({ code: "INVALID_ARGUMENT", field: "program" });
    const stateOnly = await expectConvexError(
      ada.as.query(api.crm.directory.listDirectory, {
        orgId,
        filters: { participation: "completed" },
        paginationOpts: page,
      }),
    );
    expect(stateOnly).toMatchObject({ code: "INVALID_ARGUMENT", field: "program" });
    // Another org's program is not this org's.
    const other = await signedInUser(t, { name: "Other admin" });
    const { orgId: otherOrg } = await createOrgAs(other.as, { name: "Other Org", slug: "other-org" });
    const { programId: foreign } = await other.as.mutation(api.programs.mutations.createProgram, {
      orgId: otherOrg,
      name: "Theirs",
      ...programForm,
    });
    const cross = await expectConvexError(
      ada.as.query(api.crm.directory.listDirectory, { orgId, filters: { program: foreign }, paginationOpts: page }),
    );
    expect(cross).toMatchObject({ code: "INVALID_ARGUMENT", field: "program" });
  });
});

test("the export carries each member's programs and where they stand, and follows the program filter", async () => {
  const t = newTest();
  const { ada, bea, orgId, programId } = await world(t);
  const { programId: second } = await ada.as.mutation(api.programs.mutations.createProgram, {
    orgId,
    name: "Fellowship",
    ...programForm,
    startDate: "2027-04-01",
    endDate: "2027-05-01",
    enrollmentMode: "apply",
  });
  await ada.as.mutation(api.programs.mutations.setProgramStatus, { orgId, programId: second, status: "active" });
  await ada.as.mutation(api.programs.mutations.addParticipant, { orgId, programId: second, userId: bea.userId });

  const run = async (filters: DirectoryFilters) => {
    const { exportId } = await ada.as.mutation(api.crm.export.startExport, { orgId, filters });
    return (await ada.as.query(api.crm.export.exportChunk, { orgId, exportId, filters, cursor: null })).rows;
  };
  const all = await run({});
  const programsOf = (name: string) => all.find((r) => r.name === name)!.programs;
  expect(programsOf("Bea")).toEqual([
    { name: "Fellowship", state: "enrolled" },
    { name: "Reading group", state: "completed" },
  ]);
  expect(programsOf("Cy")).toEqual([{ name: "Reading group", state: "enrolled" }]);
  expect(programsOf("Dee")).toEqual([{ name: "Reading group", state: "at_risk" }]);
  expect(programsOf("Eve")).toEqual([]);
  expect((await run({ program: programId, participation: "at_risk" })).map((r) => r.name)).toEqual(["Dee"]);
});

test("attendance by program in the stats: sessions held, cohort, rate per session, completions, at risk", async () => {
  const t = newTest();
  const { ada, bea, dee, eve, orgId, programId, names } = await world(t);
  const stats = await ada.as.query(api.crm.statsPrograms.programStats, { orgId, range: 30 });
  expect(stats.truncated).toBe(false);
  expect(stats.programs).toHaveLength(1);
  // 3 held × 3 enrolled; attended 3 + 1 + 0.
  expect(stats.programs[0]).toMatchObject({
    programId,
    name: "Reading group",
    sessions: 4,
    sessionsHeld: 3,
    participants: 3,
    attendances: 4,
    completions: 1,
    atRisk: 1,
    applications: 0,
  });
  expect(stats.programs[0]!.attendanceRate).toBeCloseTo(4 / 9, 6);
  // The same records the matrix shows, cell by cell.
  const matrix = await ada.as.query(api.programs.queries.matrix, { orgId, programId });
  const attendedCells = matrix.participants.flatMap((p) => p.cells).filter((c) => c === "attended").length;
  expect(attendedCells).toBe(stats.programs[0]!.attendances);
  // A correction moves the figures: Dee attended session 3 after all.
  const session3 = matrix.sessions[2]!._id;
  await ada.as.mutation(api.attendance.mutations.markAttendance, {
    eventId: session3,
    userId: dee.userId,
    state: "attended",
  });
  const after = (await ada.as.query(api.crm.statsPrograms.programStats, { orgId, range: 30 })).programs[0]!;
  expect(after.attendances).toBe(5);
  expect(after.attendanceRate).toBeCloseTo(5 / 9, 6);
  // Two absences are what completing at 2 of 4 allows: no longer at risk, in the stats and the filter.
  expect(after.atRisk).toBe(0);
  expect(await names({ program: programId, participation: "at_risk" })).toEqual([]);
  // A late joiner: the sessions held before they enrolled are "not enrolled yet", so they join
  // the cohort without lowering the rate; with one session left of the two needed, at risk.
  await eve.as.mutation(api.programs.mutations.join, { orgId, programId });
  const late = (await ada.as.query(api.crm.statsPrograms.programStats, { orgId, range: 30 })).programs[0]!;
  expect(late).toMatchObject({ participants: 4, attendances: 5, atRisk: 1 });
  expect(late.attendanceRate).toBeCloseTo(5 / 9, 6);
  expect(await names({ program: programId, participation: "at_risk" })).toEqual(["Eve"]);
  const eveRecord = await ada.as.query(api.crm.programs.memberPrograms, { orgId, userId: eve.userId });
  expect(eveRecord[0]!.progress).toMatchObject({ attended: 0, joinedAfter: 3, atRisk: true });
  // Out of range once it ended long ago; members may not read it.
  vi.setSystemTime(Date.UTC(2027, 7, 1));
  expect((await ada.as.query(api.crm.statsPrograms.programStats, { orgId, range: 30 })).programs).toEqual([]);
  expect((await ada.as.query(api.crm.statsPrograms.programStats, { orgId, range: 365 })).programs).toHaveLength(1);
  const refused = await expectConvexError(bea.as.query(api.crm.statsPrograms.programStats, { orgId, range: 30 }));
  expect(refused).toMatchObject({ code: "FORBIDDEN" });
});

test("the member record lists the member's programs with progress", async () => {
  const t = newTest();
  const { ada, dee, bea, orgId } = await world(t);
  const programs = await ada.as.query(api.crm.programs.memberPrograms, { orgId, userId: dee.userId });
  expect(programs).toHaveLength(1);
  expect(programs[0]).toMatchObject({
    name: "Reading group",
    state: "at_risk",
    progress: { attended: 0, required: 2, total: 4, atRisk: true },
  });
  const beas = await ada.as.query(api.crm.programs.memberPrograms, { orgId, userId: bea.userId });
  expect(beas[0]).toMatchObject({ state: "completed", progress: { attended: 3, credited: 3 } });
  expect(beas[0]!.progress.completedAt).toBeDefined();
  const refused = await expectConvexError(bea.as.query(api.crm.programs.memberPrograms, { orgId, userId: dee.userId }));
  expect(refused).toMatchObject({ code: "FORBIDDEN" });
});
