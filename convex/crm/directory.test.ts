import { describe, expect, test } from "vitest";
import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser, type TestBackend } from "../test.setup";
import type { DirectoryFilters } from "./directoryPlan";

const page = { numItems: 50, cursor: null };
const DAY = 86_400_000;

async function world(t: TestBackend) {
  const ada = await signedInUser(t, { name: "Ada" });
  const { orgId } = await createOrgAs(ada.as);
  const people = [];
  for (const name of ["Bea", "Cy", "Dee"]) {
    const person = await signedInUser(t, { name });
    await joinOrg(ada.as, person.as, orgId);
    people.push(person);
  }
  const list = async (filters: DirectoryFilters) =>
    (await ada.as.query(api.crm.directory.listDirectory, { orgId, filters, paginationOpts: page })).page;
  const names = async (filters: DirectoryFilters) => (await list(filters)).map((row) => row.name);
  return { ada, orgId, people, list, names };
}

async function setStats(t: TestBackend, orgId: Id<"organizations">, userId: Id<"users">, events: number, last: number) {
  // Stand-in for attendance writes: the counters, then the same hook attendance calls.
  await t.run(async (ctx) => {
    const m = (await ctx.db
      .query("orgMemberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
      .unique())!;
    await ctx.db.patch("orgMemberships", m._id, {
      attendanceStats: {
        attendedVerified: events,
        attendedSelfReported: 0,
        rsvped: events,
        noShows: 0,
        lastAttendedAt: last,
      },
    });
    const { onMembershipChanged } = await import("./directoryHooks");
    await onMembershipChanged(ctx, orgId, userId);
  });
}

describe("listDirectory", () => {
  test("lists members by name; only admins may read it", async () => {
    const t = newTest();
    const { people, orgId, names } = await world(t);
    expect(await names({})).toEqual(["Ada", "Bea", "Cy", "Dee"]);
    expect(await names({ order: "desc" })).toEqual(["Dee", "Cy", "Bea", "Ada"]);
    const error = await expectConvexError(
      people[0]!.as.query(api.crm.directory.listDirectory, { orgId, filters: {}, paginationOpts: page }),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });

  test("follows role changes, removal and renames", async () => {
    const t = newTest();
    const { ada, people, orgId, names } = await world(t);
    await ada.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: people[1]!.userId });
    expect(await names({ role: "admin" })).toEqual(["Ada", "Cy"]);
    await ada.as.mutation(api.orgs.mutations.removeMember, { orgId, userId: people[2]!.userId });
    expect(await names({})).toEqual(["Ada", "Bea", "Cy"]);
    await people[0]!.as.mutation(api.users.mutations.updateName, { name: "Beatrix" });
    expect(await names({ search: "Beatrix" })).toEqual(["Beatrix"]);
  });

  test("the effective level filters (an override wins) and combines with role", async () => {
    const t = newTest();
    const { ada, people, orgId, names } = await world(t);
    expect(await names({ level: "unscored" })).toHaveLength(4);
    await ada.as.mutation(api.engagement.mutations.setOverride, {
      orgId,
      userId: people[0]!.userId,
      level: "highly_engaged",
      reason: "Runs the meetups",
    });
    expect(await names({ level: "highly_engaged" })).toEqual(["Bea"]);
    expect(await names({ level: "highly_engaged", role: "admin" })).toEqual([]);
    expect(await names({ level: "highly_engaged", role: "member", sort: "joined" })).toEqual(["Bea"]);
    await ada.as.mutation(api.engagement.mutations.clearOverride, { orgId, userId: people[0]!.userId });
    expect(await names({ level: "highly_engaged" })).toEqual([]);
  });

  test("range filters use their own sort; other combinations are refused", async () => {
    const t = newTest();
    const { people, orgId, names } = await world(t);
    const now = Date.now();
    await setStats(t, orgId, people[0]!.userId, 5, now - 200 * DAY);
    await setStats(t, orgId, people[1]!.userId, 2, now - 5 * DAY);
    expect(await names({ minEvents: 2 })).toEqual(["Bea", "Cy"]);
    expect(await names({ minEvents: 3 })).toEqual(["Bea"]);
    // "Nobody seen in 90 days" includes those never seen.
    expect(await names({ lastAttendedBefore: now - 90 * DAY, order: "asc" })).toEqual(
      expect.arrayContaining(["Ada", "Bea", "Dee"]),
    );
    expect(await names({ lastAttendedBefore: now - 90 * DAY })).not.toContain("Cy");
    expect(await names({ lastAttendedAfter: now - 30 * DAY })).toEqual(["Cy"]);
    expect(await names({ joinedFrom: now - DAY, joinedTo: now + DAY, order: "asc" })).toHaveLength(4);
    expect(await names({ sort: "events" })).toEqual(["Bea", "Cy", expect.any(String), expect.any(String)]);

    const refused = async (filters: DirectoryFilters) => await expectConvexError(names(filters));
    expect(await refused({ minEvents: 1, joinedFrom: now - DAY })).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(await refused({ minEvents: 1, sort: "name" })).toMatchObject({ code: "INVALID_ARGUMENT", field: "sort" });
    expect(await refused({ search: "Bea", minEvents: 1 })).toMatchObject({ field: "search" });
    expect(await refused({ minEvents: 1.5 })).toMatchObject({ field: "minEvents" });
    expect(await refused({ joinedFrom: now, joinedTo: now - DAY })).toMatchObject({ field: "joinedTo" });
  });

  test("an admin's attendance mark moves the events count and last attended", async () => {
    const t = newTest();
    const { ada, people, orgId, list } = await world(t);
    const bea = people[0]!;
    const end = Date.now() - 2 * DAY;
    const eventId = await t.run(async (ctx) => {
      const eventId = await ctx.db.insert("events", {
        orgId,
        title: "Evals night",
        eventType: "meetup",
        startTime: end - 7_200_000,
        endTime: end,
        timezone: "Europe/Berlin",
        status: "published",
        goingCount: 1,
        maybeCount: 0,
        waitlistCount: 0,
        waitlistSeq: 0,
        sequence: 0,
        createdBy: ada.userId,
        createdAt: end - 10 * DAY,
        updatedAt: end - 10 * DAY,
      });
      await ctx.db.insert("eventAttendance", { eventId, userId: bea.userId, rsvpStatus: "going", rsvpAt: end - DAY });
      return eventId;
    });
    await ada.as.mutation(api.attendance.mutations.markAttendance, { eventId, userId: bea.userId, state: "attended" });
    expect(await list({ minEvents: 1 })).toEqual([
      expect.objectContaining({ name: "Bea", eventsAttended: 1, lastAttendedAt: end }),
    ]);
    await ada.as.mutation(api.attendance.mutations.markAttendance, { eventId, userId: bea.userId, state: "no_show" });
    expect(await list({ minEvents: 1 })).toEqual([]);
  });

  test("search by name combines with level and tag", async () => {
    const t = newTest();
    const { ada, people, orgId, names } = await world(t);
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Speaker", color: "purple" });
    await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [people[0]!.userId] });
    expect(await names({ search: "bea" })).toEqual(["Bea"]);
    expect(await names({ search: "bea", facet: { kind: "tag", value: tagId } })).toEqual(["Bea"]);
    expect(await names({ search: "cy", facet: { kind: "tag", value: tagId } })).toEqual([]);
    expect(await names({ search: "bea", level: "engaged" })).toEqual([]);
  });
});

describe("backfill", () => {
  test("an org whose members have no directory rows (data from before the directory) gets them", async () => {
    const t = newTest();
    const { orgId, names } = await world(t);
    await createOrgAs((await signedInUser(t)).as); // another org, whose admin has a row
    await t.run(async (ctx) => {
      for (const row of await ctx.db.query("memberDirectory").collect()) {
        if (row.orgId === orgId) await ctx.db.delete("memberDirectory", row._id);
      }
    });
    expect(await names({})).toEqual([]);
    // Only the org without rows is rebuilt; the other one has its row and is left alone.
    expect(await t.mutation(internal.crm.directoryBackfill.backfillMissing, {})).toBe(1);
    await t.finishAllScheduledFunctions(() => {});
    expect(await names({})).toEqual(["Ada", "Bea", "Cy", "Dee"]);
    expect(await t.mutation(internal.crm.directoryBackfill.backfillMissing, {})).toBe(0);
  });
});

describe("privacy", () => {
  async function sharer(t: TestBackend) {
    const w = await world(t);
    const bea = w.people[0]!;
    await bea.as.mutation(api.profiles.mutations.updateMyProfile, {
      name: "Bea",
      headline: "Interpretability researcher",
      location: { city: "Berlin", country: "DE" },
      skills: ["Python", "Policy"],
      careerStage: "student",
      timezone: "Europe/Berlin",
    });
    const share = async (
      privacy: Partial<Record<"headline" | "location" | "skills" | "careerStage" | "email", boolean>>,
    ) =>
      await bea.as.mutation(api.profiles.mutations.updatePrivacy, {
        privacy: { headline: false, location: false, skills: false, careerStage: false, email: false, ...privacy },
        shareLocationForSuggestions: false,
      });
    const exportBea = async () => {
      const { exportId } = await w.ada.as.mutation(api.crm.export.startExport, { orgId: w.orgId, filters: {} });
      const chunk = await w.ada.as.query(api.crm.export.exportChunk, {
        orgId: w.orgId,
        exportId,
        filters: {},
        cursor: null,
      });
      return chunk.rows.find((row) => row.name === "Bea")!;
    };
    return { ...w, share, exportBea };
  }

  test("career stage: filterable and exported only while shared", async () => {
    const t = newTest();
    const { share, names, exportBea } = await sharer(t);
    await share({ careerStage: true });
    expect(await names({ facet: { kind: "stage", value: "student" } })).toEqual(["Bea"]);
    expect((await exportBea()).careerStage).toBe("student");
    await share({});
    expect(await names({ facet: { kind: "stage", value: "student" } })).toEqual([]);
    expect((await exportBea()).careerStage).toBeUndefined();
  });

  test("location: the city filters and exports only while shared", async () => {
    const t = newTest();
    const { share, names, exportBea } = await sharer(t);
    await share({ location: true });
    expect(await names({ facet: { kind: "city", value: " berlin " } })).toEqual(["Bea"]);
    expect(await exportBea()).toMatchObject({ city: "Berlin", country: "DE" });
    await share({});
    expect(await names({ facet: { kind: "city", value: "Berlin" } })).toEqual([]);
    expect((await exportBea()).city).toBeUndefined();
  });

  test("skills: filterable and exported only while shared", async () => {
    const t = newTest();
    const { share, names, exportBea } = await sharer(t);
    await share({ skills: true });
    expect(await names({ facet: { kind: "skill", value: "policy" } })).toEqual(["Bea"]);
    expect((await exportBea()).skills).toEqual(["Python", "Policy"]);
    await share({});
    expect(await names({ facet: { kind: "skill", value: "policy" } })).toEqual([]);
    expect((await exportBea()).skills).toBeUndefined();
  });

  test("email and headline are exported only while shared; the directory never shows them", async () => {
    const t = newTest();
    const { share, list, exportBea } = await sharer(t);
    await share({ email: true, headline: true });
    expect(await exportBea()).toMatchObject({
      email: expect.stringContaining("@"),
      headline: "Interpretability researcher",
    });
    const row = (await list({ search: "Bea" }))[0]!;
    expect(Object.keys(row)).not.toContain("email");
    await share({});
    const bea = await exportBea();
    expect(bea.email).toBeUndefined();
    expect(bea.headline).toBeUndefined();
  });

  test("with nothing shared, no CRM function returns any of the member's profile values", async () => {
    const t = newTest();
    const { share, ada, orgId, people, exportBea } = await sharer(t);
    const bea = people[0]!;
    await share({});
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Mentor", color: "blue" });
    await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [bea.userId] });
    const email = (await t.run(async (ctx) => ctx.db.get("users", bea.userId)))!.email!;
    const answers = [
      await ada.as.query(api.crm.directory.listDirectory, { orgId, filters: {}, paginationOpts: page }),
      await ada.as.query(api.crm.tags.listTags, { orgId }),
      await ada.as.query(api.crm.tags.memberTags, { orgId, userId: bea.userId }),
      await ada.as.mutation(api.crm.export.startExport, { orgId, filters: {} }),
      await exportBea(),
    ];
    const text = JSON.stringify(answers);
    for (const secret of [email, "Interpretability", "Berlin", "Python", "Policy", "student"]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
