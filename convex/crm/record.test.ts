import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { RATE_LIMITS } from "../lib/vocabulary";
import { createEventAs, createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser, type TestBackend } from "../test.setup";

const NOW = Date.UTC(2026, 2, 2, 10, 0);
const EVENT_START = Date.UTC(2026, 2, 10, 18, 30); // 18:30 in London (GMT) = UTC
const page = (numItems = 50) => ({ paginationOpts: { numItems, cursor: null } });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
});
afterEach(() => vi.useRealTimers());

async function world() {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Grace Admin" });
  const { orgId } = await createOrgAs(admin.as);
  const member = await signedInUser(t, { name: "Ada Member", email: "secret-mail@example.com" });
  await joinOrg(admin.as, member.as, orgId);
  return { t, admin, member, orgId };
}

async function pastEvent(w: Awaited<ReturnType<typeof world>>, title = "Evals night") {
  const eventId = await createEventAs(w.admin.as, w.orgId, {
    title,
    startLocal: "2026-03-10T18:30",
    endLocal: "2026-03-10T20:30",
    timezone: "Europe/London",
  });
  await w.member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
  return eventId;
}

async function timeline(
  _t: TestBackend,
  as: Awaited<ReturnType<typeof world>>["admin"]["as"],
  orgId: Id<"organizations">,
  userId: Id<"users">,
) {
  return (await as.query(api.crm.record.memberTimeline, { orgId, userId, ...page() })).page;
}

describe("member record", () => {
  test("the timeline holds join, RSVP, check-in with its provenance, feedback, override and notes, newest first", async () => {
    const w = await world();
    const { t, admin, member, orgId } = w;
    const eventId = await pastEvent(w);
    vi.setSystemTime(EVENT_START + 3 * 3_600_000);
    await admin.as.mutation(api.attendance.mutations.checkIn, { eventId, userId: member.userId });
    await member.as.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 4, comment: "Great talks" });
    await admin.as.mutation(api.engagement.mutations.setOverride, {
      orgId,
      userId: member.userId,
      level: "engaged",
      reason: "Runs the socials",
    });
    vi.setSystemTime(EVENT_START + 4 * 3_600_000);
    await admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: "  Met at the door.  " });

    const entries = await timeline(t, admin.as, orgId, member.userId);
    expect(entries.map((e) => e.kind)).toEqual(["note", "override", "feedback", "attendance", "rsvp", "joined"]);
    const [note, override, feedback, attendance, rsvp] = entries;
    expect(note!.note).toMatchObject({ body: "Met at the door.", authorName: "Grace Admin", mine: true });
    expect(override).toMatchObject({ level: "engaged", reason: "Runs the socials", byName: "Grace Admin" });
    expect(feedback).toMatchObject({ rating: 4, comment: "Great talks", event: { title: "Evals night" } });
    expect(attendance).toMatchObject({ state: "attended", source: "check_in", via: "door", byName: "Grace Admin" });
    expect(rsvp).toMatchObject({ rsvpStatus: "going", event: { _id: eventId } });

    const record = await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId });
    expect(record).toMatchObject({ name: "Ada Member", role: "member" });
    expect(record!.attendance).toMatchObject({ attended: 1, attendedVerified: 1, rsvped: 1, noShows: 0, rate: 1 });
  });

  test("a self-report and an admin's mark say so; anonymous feedback stays off the record", async () => {
    const w = await world();
    const { t, admin, member, orgId } = w;
    const eventId = await pastEvent(w);
    vi.setSystemTime(EVENT_START + 3 * 3_600_000);
    await member.as.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true });
    await member.as.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 2, anonymous: true });
    await admin.as.mutation(api.attendance.mutations.markAttendance, {
      eventId,
      userId: member.userId,
      state: "no_show",
    });
    const entries = await timeline(t, admin.as, orgId, member.userId);
    expect(entries.filter((e) => e.kind === "feedback")).toEqual([]);
    const marks = entries.filter((e) => e.kind === "attendance");
    expect(marks.map((e) => [e.state, e.source, e.byName])).toEqual([
      ["no_show", "admin", "Grace Admin"],
      ["attended", "self_report", null],
    ]);
  });

  test("a seat freed on a full event puts “moved up from the waitlist” on the next member's record", async () => {
    const w = await world();
    const { t, admin, member, orgId } = w;
    const eventId = await createEventAs(admin.as, orgId, {
      title: "Small table",
      startLocal: "2026-03-10T18:30",
      endLocal: "2026-03-10T20:30",
      timezone: "Europe/London",
      capacity: 1,
    });
    const first = await signedInUser(t, { name: "First Comer" });
    await joinOrg(admin.as, first.as, orgId);
    await first.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    expect((await timeline(t, admin.as, orgId, member.userId)).map((e) => [e.kind, e.rsvpStatus])).toEqual([
      ["rsvp", "waitlisted"],
      ["joined", null],
    ]);

    await first.as.mutation(api.events.mutations.rsvp, { eventId, status: "not_going" });
    const [promoted] = await timeline(t, admin.as, orgId, member.userId);
    expect(promoted).toMatchObject({ kind: "promoted", event: { _id: eventId, title: "Small table" } });
    // The member who dropped out has their own RSVP change, and no promotion.
    const theirs = await timeline(t, admin.as, orgId, first.userId);
    expect(theirs.map((e) => e.kind)).toEqual(["rsvp", "rsvp", "joined"]);
  });

  test("only current members have a record; members and outsiders never reach it", async () => {
    const w = await world();
    const { t, admin, member, orgId } = w;
    const stranger = await signedInUser(t);
    expect(await admin.as.query(api.crm.record.memberRecord, { orgId, userId: stranger.userId })).toBeNull();
    expect(
      (
        await expectConvexError(
          admin.as.query(api.crm.record.memberTimeline, { orgId, userId: stranger.userId, ...page() }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    for (const caller of [member.as, stranger.as]) {
      const error = await expectConvexError(
        caller.query(api.crm.record.memberRecord, { orgId, userId: member.userId }),
      );
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.code);
    }
    await member.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect(await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId })).toBeNull();
    expect(
      (await expectConvexError(admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: "Hi" })))
        .code,
    ).toBe("NOT_FOUND");
  });

  const SECRETS = {
    headline: "Secret headline",
    location: "Hiddenville",
    skills: "secret-skill",
    careerStage: "career_transition",
    email: "secret-mail@example.com",
  } as const;
  const NOTHING = { headline: false, location: false, skills: false, careerStage: false, email: false };

  test.each(Object.keys(SECRETS) as (keyof typeof SECRETS)[])(
    "the %s flag: hidden from every CRM read until the member shares it",
    async (flag) => {
      const w = await world();
      const { admin, member, orgId } = w;
      await member.as.mutation(api.profiles.mutations.updateMyProfile, {
        name: "Ada Member",
        headline: SECRETS.headline,
        location: { city: SECRETS.location, country: "DE" },
        skills: [SECRETS.skills],
        careerStage: SECRETS.careerStage,
        timezone: "Europe/Berlin",
      });
      await admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: "A note" });
      const everything = async () =>
        JSON.stringify([
          await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId }),
          await admin.as.query(api.crm.record.memberTimeline, { orgId, userId: member.userId, ...page() }),
          await admin.as.query(api.crm.stats.communityStats, { orgId, range: 30 }),
        ]);
      await member.as.mutation(api.profiles.mutations.updatePrivacy, {
        privacy: NOTHING,
        shareLocationForSuggestions: false,
      });
      expect(await everything()).not.toContain(SECRETS[flag]);
      await member.as.mutation(api.profiles.mutations.updatePrivacy, {
        privacy: { ...NOTHING, [flag]: true },
        shareLocationForSuggestions: false,
      });
      const record = await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId });
      expect(JSON.stringify(record)).toContain(SECRETS[flag]);
      expect(record!.shared[flag]).toBe(true);
      for (const other of Object.keys(SECRETS) as (keyof typeof SECRETS)[]) {
        if (other !== flag) expect(JSON.stringify(record)).not.toContain(SECRETS[other]);
      }
    },
  );
});

describe("admin notes", () => {
  test("the author edits and deletes their own note; another admin cannot; the text is checked", async () => {
    const w = await world();
    const { t, admin, member, orgId } = w;
    const other = await signedInUser(t, { name: "Other Admin" });
    await joinOrg(admin.as, other.as, orgId);
    await admin.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: other.userId });
    const noteId = await admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: "First" });

    const otherView = await timeline(t, other.as, orgId, member.userId);
    expect(otherView[0]!.note).toMatchObject({ body: "First", mine: false, authorName: "Grace Admin" });
    for (const attempt of [
      other.as.mutation(api.crm.notes.updateNote, { orgId, noteId, body: "Mine now" }),
      other.as.mutation(api.crm.notes.deleteNote, { orgId, noteId }),
    ]) {
      expect((await expectConvexError(attempt)).code).toBe("FORBIDDEN");
    }
    for (const body of ["   ", "x".repeat(2001), "bad\u0000text"]) {
      expect(
        await expectConvexError(admin.as.mutation(api.crm.notes.updateNote, { orgId, noteId, body })),
      ).toMatchObject({
        code: "INVALID_ARGUMENT",
        field: "body",
      });
    }
    await admin.as.mutation(api.crm.notes.updateNote, { orgId, noteId, body: "Edited\nover two lines" });
    const edited = (await timeline(t, admin.as, orgId, member.userId))[0]!;
    expect(edited.note).toMatchObject({ body: "Edited\nover two lines" });
    expect(edited.note!.updatedAt).not.toBeNull();

    await admin.as.mutation(api.crm.notes.deleteNote, { orgId, noteId });
    expect((await timeline(t, admin.as, orgId, member.userId)).map((e) => e.kind)).toEqual(["joined"]);
    expect(await t.run(async (ctx) => (await ctx.db.query("crmNotes").collect()).length)).toBe(0);
    // A note of another org is not found through this one.
    const { orgId: otherOrg } = await createOrgAs(admin.as);
    expect(
      (await expectConvexError(admin.as.mutation(api.crm.notes.deleteNote, { orgId: otherOrg, noteId }))).code,
    ).toBe("NOT_FOUND");
  });

  test("notes are rate-limited per admin", async () => {
    const w = await world();
    const { admin, member, orgId } = w;
    for (let i = 0; i < RATE_LIMITS.crmNote.capacity; i++) {
      await admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: `Note ${i}` });
    }
    expect(
      (
        await expectConvexError(
          admin.as.mutation(api.crm.notes.addNote, { orgId, userId: member.userId, body: "More" }),
        )
      ).code,
    ).toBe("RATE_LIMITED");
  });
});
