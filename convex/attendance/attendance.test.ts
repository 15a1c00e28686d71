import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { signToken } from "../emails/tokens";
import { onEventPublished } from "../notifications/hooks";
import {
  addEvent,
  addMember,
  addOrg,
  addPerson,
  allEmails,
  as,
  DAY,
  HOUR,
  MINUTE,
  runScheduled,
} from "../notifications/testing";
import { RATE_LIMITS } from "../lib/vocabulary";
import { expectConvexError } from "../test.fixtures";
import { newTest, type TestBackend } from "../test.setup";
import { csvCell, csvLine } from "./csv";
import { derive } from "./model";

const NOW = Date.UTC(2026, 2, 2, 10, 0); // Monday 2 March 2026, 10:00 UTC

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "Date"],
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const page = (numItems = 50) => ({ paginationOpts: { numItems, cursor: null } });

async function rsvpRow(
  t: TestBackend,
  eventId: Id<"events">,
  userId: Id<"users">,
  rsvpStatus: Doc<"eventAttendance">["rsvpStatus"],
  name?: string,
) {
  await t.run(async (ctx) => {
    await ctx.db.insert("eventAttendance", {
      eventId,
      userId,
      rsvpStatus,
      rsvpAt: Date.now(),
      ...(name ? { name } : {}),
    });
  });
}

/** An org with an admin and Ada (going) at an event starting at NOW + startIn (2 h long). */
async function world(startIn = -3 * HOUR) {
  const t = newTest();
  const adminId = await addPerson(t, { name: "Admin" });
  const orgId = await addOrg(t, adminId);
  const adaId = await addPerson(t, { name: "Ada Lovelace" });
  await addMember(t, orgId, adaId);
  const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + startIn, title: "Evals night" });
  await rsvpRow(t, eventId, adaId, "going", "Ada Lovelace");
  return { t, adminId, orgId, adaId, eventId, admin: await as(t, adminId), ada: await as(t, adaId) };
}

async function member(
  t: TestBackend,
  orgId: Id<"organizations">,
  name: string,
  prefs?: Partial<Doc<"profiles">["notificationPreferences"]>,
) {
  const userId = await addPerson(t, { name, prefs });
  await addMember(t, orgId, userId);
  return { userId, as: await as(t, userId) };
}

async function eventDoc(t: TestBackend, eventId: Id<"events">) {
  return (await t.run(async (ctx) => ctx.db.get("events", eventId)))!;
}

async function rowOf(t: TestBackend, eventId: Id<"events">, userId: Id<"users">) {
  return await t.run(async (ctx) =>
    ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
      .unique(),
  );
}

async function membershipStats(t: TestBackend, orgId: Id<"organizations">, userId: Id<"users">) {
  return await t.run(
    async (ctx) =>
      (await ctx.db
        .query("orgMemberships")
        .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
        .unique())!.attendanceStats,
  );
}

/** Every document the attendance code may write, to assert a refusal changed nothing. */
async function snapshot(t: TestBackend) {
  return await t.run(async (ctx) => ({
    events: await ctx.db.query("events").collect(),
    rows: await ctx.db.query("eventAttendance").collect(),
    memberships: await ctx.db.query("orgMemberships").collect(),
    emails: await ctx.db.query("emails").collect(),
    notifications: await ctx.db.query("notifications").collect(),
    dedupe: await ctx.db.query("notificationDedupe").collect(),
  }));
}

async function expectRefused(t: TestBackend, call: Promise<unknown>, code: string, field?: string) {
  const before = await snapshot(t);
  const error = await expectConvexError(call);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(await snapshot(t)).toEqual(before);
}

describe("the record: state and provenance", () => {
  test("a mark outranks the member's answer; disagreement is disputed; 'unknown' is no mark", () => {
    const by = "u" as Id<"users">;
    expect(derive(undefined, undefined)).toEqual({ state: undefined, source: undefined, disputed: false });
    expect(derive(undefined, { attended: true, at: 1 })).toEqual({
      state: "attended",
      source: "self_report",
      disputed: false,
    });
    expect(derive(undefined, { attended: false, at: 1 })).toEqual({
      state: "no_show",
      source: "self_report",
      disputed: false,
    });
    const noShow = { state: "no_show" as const, source: "admin" as const, by, at: 2 };
    expect(derive(noShow, { attended: true, at: 1 })).toEqual({ state: "no_show", source: "admin", disputed: true });
    expect(derive(noShow, { attended: false, at: 1 })).toEqual({ state: "no_show", source: "admin", disputed: false });
    const checkIn = { state: "attended" as const, source: "check_in" as const, via: "door" as const, by, at: 2 };
    expect(derive(checkIn, { attended: true, at: 1 })).toEqual({
      state: "attended",
      source: "check_in",
      disputed: false,
    });
    expect(derive({ ...noShow, state: "unknown" }, { attended: true, at: 1 })).toEqual({
      state: "attended",
      source: "self_report",
      disputed: false,
    });
  });
});

describe("door check-in", () => {
  test("check in, undo, walk-ins, search and live counts; counters move in the same transaction", async () => {
    const { t, admin, adaId, eventId, orgId } = await world(HOUR); // starts in an hour: check-in is open
    const grace = await member(t, orgId, "Grace Hopper");
    await rsvpRow(t, eventId, grace.userId, "maybe", "Grace Hopper");
    const walker = await member(t, orgId, "Walk Inn");

    const row = await admin.mutation(api.attendance.mutations.checkIn, { eventId, userId: adaId });
    expect(row).toMatchObject({
      name: "Ada Lovelace",
      state: "attended",
      source: "check_in",
      via: "door",
      checkedIn: true,
    });
    expect(row.mark).toMatchObject({ byName: "Admin", source: "check_in" });
    // Idempotent.
    await admin.mutation(api.attendance.mutations.checkIn, { eventId, userId: adaId });
    let counts = await admin.query(api.attendance.queries.checkInCounts, { eventId });
    expect(counts).toMatchObject({ checkedIn: 1, attended: 1, isOpen: true });
    expect(await membershipStats(t, orgId, adaId)).toMatchObject({
      attendedVerified: 1,
      attendedSelfReported: 0,
      lastAttendedAt: NOW + 3 * HOUR,
    });

    await admin.mutation(api.attendance.mutations.addWalkIn, { eventId, userId: walker.userId });
    counts = await admin.query(api.attendance.queries.checkInCounts, { eventId });
    expect(counts).toMatchObject({ checkedIn: 2, walkIns: 1, attended: 2 });
    const list = await admin.query(api.attendance.queries.checkInList, { eventId, ...page() });
    expect(list.page.map((r) => [r.name, r.rsvpStatus, r.walkIn, r.checkedIn])).toEqual([
      ["Ada Lovelace", "going", false, true],
      ["Grace Hopper", "maybe", false, false],
      ["Walk Inn", "not_going", true, true],
    ]);
    const walkIns = await admin.query(api.attendance.queries.checkInList, { eventId, status: "walk_in", ...page() });
    expect(walkIns.page.map((r) => r.name)).toEqual(["Walk Inn"]);
    const found = await admin.query(api.attendance.queries.checkInList, { eventId, search: "grace", ...page() });
    expect(found.page.map((r) => r.name)).toEqual(["Grace Hopper"]);

    const undone = await admin.mutation(api.attendance.mutations.undoCheckIn, { eventId, userId: adaId });
    expect(undone).toMatchObject({ state: "unknown", source: null, checkedIn: false });
    await admin.mutation(api.attendance.mutations.undoCheckIn, { eventId, userId: walker.userId });
    counts = await admin.query(api.attendance.queries.checkInCounts, { eventId });
    expect(counts).toMatchObject({ checkedIn: 0, walkIns: 0, attended: 0 });
    expect(await membershipStats(t, orgId, adaId)).toMatchObject({ attendedVerified: 0 });
  });

  test("refused: outside the window, another org's event, non-members, no RSVP; nothing written", async () => {
    const early = await world(3 * HOUR); // opens an hour from now
    await expectRefused(
      early.t,
      early.admin.mutation(api.attendance.mutations.checkIn, { eventId: early.eventId, userId: early.adaId }),
      "CONFLICT",
    );
    const late = await world(-16 * HOUR); // ended 14 h ago: closed
    await expectRefused(
      late.t,
      late.admin.mutation(api.attendance.mutations.checkIn, { eventId: late.eventId, userId: late.adaId }),
      "CONFLICT",
    );

    const { t, admin, eventId, adaId, ada } = await world(HOUR);
    const otherAdmin = await addPerson(t, { name: "Other admin" });
    await addOrg(t, otherAdmin, "Elsewhere");
    const other = await as(t, otherAdmin);
    await expectRefused(t, other.mutation(api.attendance.mutations.checkIn, { eventId, userId: adaId }), "FORBIDDEN");
    await expectRefused(t, ada.mutation(api.attendance.mutations.checkIn, { eventId, userId: adaId }), "FORBIDDEN");
    await expectRefused(
      t,
      admin.mutation(api.attendance.mutations.addWalkIn, { eventId, userId: otherAdmin }),
      "INVALID_ARGUMENT",
      "userId",
    );
    await expectRefused(
      t,
      admin.mutation(api.attendance.mutations.markAttendance, { eventId, userId: otherAdmin, state: "attended" }),
      "INVALID_ARGUMENT",
      "userId",
    );
    const stranger = await member(t, (await eventDoc(t, eventId)).orgId, "No Rsvp");
    await expectRefused(
      t,
      admin.mutation(api.attendance.mutations.checkIn, { eventId, userId: stranger.userId }),
      "NOT_FOUND",
    );
    await expectRefused(
      t,
      admin.mutation(api.attendance.mutations.markAttendance, { eventId, userId: stranger.userId, state: "no_show" }),
      "INVALID_ARGUMENT",
      "state",
    );
  });

  test("self check-in with the venue code: verified at the venue; tampered, other events' and out-of-window codes refused", async () => {
    const { t, admin, ada, adaId, eventId, orgId } = await world(HOUR);
    const link = await admin.mutation(api.attendance.mutations.checkInLink, { eventId });
    expect(link.url).toBe(`http://localhost:3000/events/${eventId}/check-in?token=${encodeURIComponent(link.token)}`);
    const otherEvent = await addEvent(t, orgId, admin ? (await eventDoc(t, eventId)).createdBy : adaId, {
      startTime: NOW + HOUR,
    });
    const otherLink = await admin.mutation(api.attendance.mutations.checkInLink, { eventId: otherEvent });

    const [body, mac] = link.token.split(".") as [string, string];
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.selfCheckIn, { eventId, token: `${body}x.${mac}` }),
      "INVALID_ARGUMENT",
      "token",
    );
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.selfCheckIn, { eventId, token: otherLink.token }),
      "INVALID_ARGUMENT",
      "token",
    );
    // An email answer token is not a check-in code.
    const secret = await t.run(async (ctx) => (await ctx.db.query("secrets").first())!.value);
    const answer = await signToken(secret, adaId, "attendance-yes", NOW + DAY, eventId);
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.selfCheckIn, { eventId, token: answer }),
      "INVALID_ARGUMENT",
      "token",
    );
    // A non-member cannot use it.
    const outsider = await addPerson(t, { name: "Outsider" });
    await expectRefused(
      t,
      (await as(t, outsider)).mutation(api.attendance.mutations.selfCheckIn, { eventId, token: link.token }),
      "FORBIDDEN",
    );

    const mine = await ada.mutation(api.attendance.mutations.selfCheckIn, { eventId, token: link.token });
    expect(mine).toMatchObject({ state: "attended", source: "check_in", via: "self", verified: true });
    expect((await admin.query(api.attendance.queries.checkInCounts, { eventId })).checkedIn).toBe(1);

    // After check-in closes (end + 12 h) the code is refused.
    vi.setSystemTime(NOW + 16 * HOUR);
    const late = await member(t, orgId, "Late");
    await expectRefused(
      t,
      late.as.mutation(api.attendance.mutations.selfCheckIn, { eventId, token: link.token }),
      "INVALID_ARGUMENT",
      "token",
    );
  });
});

describe("attendance sheet", () => {
  test("marks, disputes, mark-all-going in pages, CSV with formula escaping", async () => {
    const { t, admin, ada, adaId, eventId, orgId } = await world(-3 * HOUR); // ended an hour ago
    // Ada says she came; the admin marks her a no-show: disputed.
    await ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true });
    expect(await membershipStats(t, orgId, adaId)).toMatchObject({ attendedSelfReported: 1 });
    await admin.mutation(api.attendance.mutations.markAttendance, { eventId, userId: adaId, state: "no_show" });
    const disputed = await admin.query(api.attendance.queries.attendanceSheet, {
      eventId,
      filter: "disputed",
      ...page(),
    });
    expect(disputed.page.map((r) => [r.name, r.state, r.source, r.disputed, r.selfReport?.attended])).toEqual([
      ["Ada Lovelace", "no_show", "admin", true, true],
    ]);
    expect(await membershipStats(t, orgId, adaId)).toMatchObject({
      attendedSelfReported: 0,
      attendedVerified: 0,
      noShows: 1,
    });
    const view = (await ada.query(api.events.queries.getEvent, { eventId })).viewerAttendance!;
    expect(view).toMatchObject({ state: "no_show", verified: true, disputed: true, canAnswer: false });
    // Clearing the mark falls back to her word.
    await admin.mutation(api.attendance.mutations.markAttendance, { eventId, userId: adaId, state: "unknown" });
    expect(await admin.query(api.attendance.queries.checkInCounts, { eventId })).toMatchObject({
      attended: 1,
      selfReported: 1,
      disputed: 0,
      noShows: 0,
    });

    // 250 more going: the first 200 in this transaction, the rest in a job.
    const ids = await t.run(async (ctx) => {
      const out: Id<"users">[] = [];
      for (let i = 0; i < 250; i++) {
        const userId = await ctx.db.insert("users", { name: i === 0 ? '=HYPERLINK("x")' : `Going ${i}` });
        await ctx.db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
        await ctx.db.insert("eventAttendance", { eventId, userId, rsvpStatus: "going", rsvpAt: Date.now() });
        out.push(userId);
      }
      return out;
    });
    const first = await admin.mutation(api.attendance.mutations.markAllGoingAttended, { eventId });
    expect(first.done).toBe(false);
    await runScheduled(t, { until: NOW + 10 * MINUTE });
    const counts = await admin.query(api.attendance.queries.checkInCounts, { eventId });
    // Ada's own "yes" is now backed by the admin's mark.
    expect(counts).toMatchObject({ attended: 251, selfReported: 0, checkedIn: 0 });
    expect(await membershipStats(t, orgId, ids[249]!)).toMatchObject({ attendedVerified: 1 });

    const csv = await admin.action(api.attendance.export.exportAttendanceCsv, { eventId });
    expect(csv.rows).toBe(251);
    const lines = csv.csv.split("\r\n");
    expect(lines[0]).toBe("Name,RSVP,Walk-in,Attendance,Recorded by,How,Recorded at,Member's answer,Disputed,Feedback");
    expect(csv.csv).toContain(`"'=HYPERLINK(""x"")",Going,,Attended,Admin,Marked by an admin`);
    expect(csv.filename).toBe("attendance-evals-night.csv");
  });

  test("CSV cells: formula starts get an apostrophe; quotes, commas and newlines are quoted", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(-1)).toBe("-1");
    expect(csvLine(["x", null, 3])).toBe("x,,3");
  });

  test("cancelling an event after its end is refused", async () => {
    const { t, admin, eventId } = await world(-3 * HOUR);
    await expectRefused(t, admin.mutation(api.events.mutations.cancelEvent, { eventId }), "CONFLICT");
  });
});

describe("the after-event prompt", () => {
  test("publishing schedules it at end + 2 h; a time change moves it; cancelling cancels it", async () => {
    const { t, eventId } = await world(DAY);
    await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
    const event = await eventDoc(t, eventId);
    expect(event.attendancePrompt?.runAt).toBe(event.endTime + 2 * HOUR);
    const job = event.attendancePrompt!.jobId!;
    const { schedulePromptJob, cancelPromptJob } = await import("./prompts");
    await t.run(async (ctx) => {
      await ctx.db.patch("events", eventId, { endTime: event.endTime + HOUR });
      await schedulePromptJob(ctx, (await ctx.db.get("events", eventId))!);
    });
    const moved = await eventDoc(t, eventId);
    expect(moved.attendancePrompt?.runAt).toBe(event.endTime + 3 * HOUR);
    const states = await t.run(async (ctx) => [
      (await ctx.db.system.get("_scheduled_functions", job))!.state.kind,
      (await ctx.db.system.get("_scheduled_functions", moved.attendancePrompt!.jobId!))!.state.kind,
    ]);
    expect(states).toEqual(["canceled", "pending"]);
    await t.run(async (ctx) => cancelPromptJob(ctx, (await ctx.db.get("events", eventId))!));
    expect((await eventDoc(t, eventId)).attendancePrompt).toBeUndefined();
  });

  test("going and maybe members without a check-in get an email with one-tap links, an inbox entry and the card; preferences honoured", async () => {
    const { t, admin, ada, adaId, eventId, orgId } = await world(DAY);
    const maybe = await member(t, orgId, "Maybe");
    const checkedIn = await member(t, orgId, "Checked In");
    const off = await member(t, orgId, "Prompts Off", { attendancePrompts: { enabled: false } });
    const legacy = await member(t, orgId, "Legacy Profile");
    const notGoing = await member(t, orgId, "Not Going");
    await t.run(async (ctx) => {
      const p = (await ctx.db
        .query("profiles")
        .withIndex("by_user", (q) => q.eq("userId", legacy.userId))
        .unique())!;
      const { attendancePrompts: _drop, ...rest } = p.notificationPreferences;
      await ctx.db.patch("profiles", p._id, { notificationPreferences: rest });
    });
    for (const [u, s] of [
      [maybe, "maybe"],
      [checkedIn, "going"],
      [off, "going"],
      [legacy, "going"],
      [notGoing, "not_going"],
    ] as const) {
      await rsvpRow(t, eventId, u.userId, s);
    }
    await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
    // During the event an admin checks one person in.
    await runScheduled(t, { until: NOW + DAY + 30 * MINUTE });
    await admin.mutation(api.attendance.mutations.checkIn, { eventId, userId: checkedIn.userId });
    await runScheduled(t, { until: NOW + DAY + 5 * HOUR });
    const prompts = (await allEmails(t)).filter((e) => e.kind === "attendance_prompt");
    expect(prompts.map((e) => e.userId).sort()).toEqual([adaId, maybe.userId, legacy.userId].sort());
    const email = prompts.find((e) => e.userId === adaId)!;
    expect(email.subject).toBe("Did you make it to Evals night?");
    expect(email.html).toContain("Yes, I was there");
    expect(email.html).toContain("No, I couldn&#39;t make it");
    expect(email.text).toMatch(/Yes, I was there: http:\/\/localhost:3000\/confirm-attendance\?token=/);
    const cards = await ada.query(api.attendance.queries.myPendingPrompts, {});
    expect(cards).toMatchObject([{ eventId, title: "Evals night", promptsSent: 1, canDefer: true }]);
    const inbox = await ada.query(api.notifications.queries.listMyNotifications, page());
    expect(inbox.page.map((n) => n.kind)).toContain("attendance_prompt");

    // The email's link opens the app's page: reading the question changes nothing (nor does an
    // older email's backend link, which redirects there); confirming records; a replay changes nothing.
    const yesUrl = new URL(/Yes, I was there: (\S+)/.exec(email.text)![1]!);
    const token = yesUrl.searchParams.get("token")!;
    const before = await snapshot(t);
    const question = { status: "checked", outcome: "ok", attended: true, title: "Evals night", eventId };
    expect(await t.query(api.attendance.emailAnswer.describe, { token })).toEqual(question);
    const get = await t.fetch(`/attendance?token=${encodeURIComponent(token)}`, { method: "GET" });
    expect(get.status).toBe(303);
    expect(get.headers.get("Location")).toBe(
      `http://localhost:3000/confirm-attendance?token=${encodeURIComponent(token)}`,
    );
    expect(await snapshot(t)).toEqual(before);
    expect(await t.mutation(api.attendance.emailAnswer.confirm, { token })).toEqual(question);
    expect((await rowOf(t, eventId, adaId))?.selfReport?.attended).toBe(true);
    expect(await ada.query(api.attendance.queries.myPendingPrompts, {})).toEqual([]);
    const afterYes = await snapshot(t);
    expect(await t.mutation(api.attendance.emailAnswer.confirm, { token })).toMatchObject({ outcome: "answered" });
    const replay = await t.fetch(`/attendance?token=${encodeURIComponent(token)}`, { method: "POST" });
    expect(replay.status).toBe(409);
    const noToken = new URL(/No, I couldn't make it: (\S+)/.exec(email.text)![1]!).searchParams.get("token")!;
    expect(await t.mutation(api.attendance.emailAnswer.confirm, { token: noToken })).toMatchObject({
      outcome: "answered",
      attended: false,
    });
    expect(await snapshot(t)).toEqual(afterYes);

    // Tampered and expired tokens, and a valid token for someone with no RSVP: refused, nothing written.
    expect(await t.mutation(api.attendance.emailAnswer.confirm, { token: token.slice(0, -2) + "AA" })).toEqual({
      status: "invalid",
    });
    const tampered = await t.fetch(`/attendance?token=${encodeURIComponent(token.slice(0, -2) + "AA")}`, {
      method: "POST",
    });
    expect(tampered.status).toBe(400);
    const secret = await t.run(async (ctx) => (await ctx.db.query("secrets").first())!.value);
    const expired = await signToken(secret, maybe.userId, "attendance-yes", Date.now() - 1, eventId);
    const expiredPage = await t.fetch(`/attendance?token=${encodeURIComponent(expired)}`, { method: "POST" });
    expect(expiredPage.status).toBe(400);
    expect(await expiredPage.text()).toContain("expired");
    const forNobody = await signToken(secret, notGoing.userId, "attendance-yes", Date.now() + DAY, eventId);
    const noRsvp = await t.fetch(`/attendance?token=${encodeURIComponent(forNobody)}`, { method: "POST" });
    expect(noRsvp.status).toBe(400);
    expect(await noRsvp.text()).toContain("no RSVP");
    // An unsubscribe token cannot record attendance, nor an answer token unsubscribe.
    const unsub = await signToken(secret, maybe.userId, "reminders-off", Date.now() + DAY);
    expect((await t.fetch(`/attendance?token=${encodeURIComponent(unsub)}`, { method: "POST" })).status).toBe(400);
    expect((await t.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" })).status).toBe(400);
    expect(await snapshot(t)).toEqual(afterYes);
  });

  test("'Ask me later' brings exactly one more prompt a day later; job, cron and retries send each once", async () => {
    const { t, ada, adaId, eventId } = await world(DAY);
    await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
    const end = NOW + DAY + 2 * HOUR;
    await runScheduled(t, { until: end + 2 * HOUR + 5 * MINUTE });
    // The cron and a retried job after the job: nothing new.
    await t.mutation(internal.attendance.prompts.sweepAttendancePrompts, {});
    await t.mutation(internal.attendance.prompts.sendPromptsForEvent, { eventId, endTime: end });
    await runScheduled(t, { until: end + 3 * HOUR });
    const mine = async () => (await allEmails(t)).filter((e) => e.kind === "attendance_prompt" && e.userId === adaId);
    expect((await mine()).length).toBe(1);

    const deferred = await ada.mutation(api.attendance.mutations.deferPrompt, { eventId });
    expect(deferred).toMatchObject({ canAnswer: true, canDefer: false, promptsSent: 1 });
    expect(await ada.query(api.attendance.queries.myPendingPrompts, {})).toEqual([]);
    await expectRefused(t, ada.mutation(api.attendance.mutations.deferPrompt, { eventId }), "CONFLICT");
    await runScheduled(t, { until: end + 3 * HOUR + DAY + 5 * MINUTE });
    // The backstop and a duplicate job after the second prompt: still two in all.
    await t.mutation(internal.attendance.prompts.sweepAttendancePrompts, {});
    await t.mutation(internal.attendance.prompts.sendDeferredPrompt, { eventId, userId: adaId });
    await runScheduled(t, { until: end + 4 * HOUR + DAY });
    const sent = await mine();
    expect(sent.length).toBe(2);
    expect(sent[1]!.html).toContain("a second and last ask");
    expect(await ada.query(api.attendance.queries.myPendingPrompts, {})).toMatchObject([
      { eventId, promptsSent: 2, canDefer: false },
    ]);

    const answered = await ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: false });
    expect(answered).toMatchObject({
      state: "no_show",
      source: "self_report",
      canAnswer: false,
      canGiveFeedback: false,
    });
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true }),
      "CONFLICT",
    );
  });

  test("the cron reads only events whose prompt fell due in the last day, and starts what has not run", async () => {
    const { t, eventId, adaId } = await world(-5 * HOUR); // ended 3 h ago: due an hour ago, never scheduled
    const { orgId, createdBy } = await eventDoc(t, eventId);
    await addEvent(t, orgId, createdBy, { startTime: NOW - 10 * DAY }); // long past
    await addEvent(t, orgId, createdBy, { startTime: NOW + DAY }); // future
    const sweep = await t.mutation(internal.attendance.prompts.sweepAttendancePrompts, {});
    expect(sweep).toEqual({ examined: 1, started: 1, deferred: 0 });
    await runScheduled(t, { until: NOW + 10 * MINUTE });
    expect((await allEmails(t)).filter((e) => e.kind === "attendance_prompt").map((e) => e.userId)).toEqual([adaId]);
    expect(await t.mutation(internal.attendance.prompts.sweepAttendancePrompts, {})).toEqual({
      examined: 1,
      started: 0,
      deferred: 0,
    });
  });

  test("a member who left the org is not asked, and cannot answer", async () => {
    const { t, ada, adaId, eventId, orgId } = await world(-5 * HOUR);
    await t.run(async (ctx) => {
      const m = (await ctx.db
        .query("orgMemberships")
        .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", adaId))
        .unique())!;
      await ctx.db.delete("orgMemberships", m._id);
    });
    await t.mutation(internal.attendance.prompts.sweepAttendancePrompts, {});
    await runScheduled(t, { until: NOW + 10 * MINUTE });
    expect((await allEmails(t)).filter((e) => e.kind === "attendance_prompt")).toEqual([]);
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true }),
      "FORBIDDEN",
    );
  });
});

describe("the After-event check-ins preference", () => {
  test("saved off in settings (kept when a client omits it), and off through the email's unsubscribe link", async () => {
    const { t, ada, adaId } = await world(DAY);
    const base = { matchAlerts: { enabled: true }, weeklyDigest: { enabled: true }, timezone: "UTC" };
    await ada.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: { ...base, attendancePrompts: { enabled: false } },
    });
    await ada.mutation(api.profiles.mutations.updateNotificationPreferences, { preferences: base });
    expect((await ada.query(api.profiles.queries.getMyProfile, {}))?.notificationPreferences.attendancePrompts).toEqual(
      { enabled: false },
    );
    await ada.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: { ...base, attendancePrompts: { enabled: true } },
    });
    const secret = await t.run(async (ctx) => {
      const { getOrCreateUnsubscribeSecret } = await import("../emails/tokens");
      return await getOrCreateUnsubscribeSecret(ctx);
    });
    const off = await signToken(secret, adaId, "attendance-prompts-off", Date.now() + DAY);
    expect((await t.fetch(`/unsubscribe?token=${encodeURIComponent(off)}`, { method: "POST" })).status).toBe(200);
    expect((await ada.query(api.profiles.queries.getMyProfile, {}))?.notificationPreferences.attendancePrompts).toEqual(
      { enabled: false },
    );
  });
});

describe("feedback", () => {
  test("feedback writes and CSV exports are rate limited per person, with a retry time", async () => {
    const { t, admin, ada, eventId } = await world(-3 * HOUR);
    await ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true });
    for (let i = 0; i < RATE_LIMITS.feedback.capacity; i++) {
      await ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 1 + (i % 5) });
    }
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 5 }),
      "RATE_LIMITED",
    );
    for (let i = 0; i < RATE_LIMITS.export.capacity; i++) {
      await admin.action(api.attendance.export.exportAttendanceCsv, { eventId });
    }
    const error = await expectConvexError(admin.action(api.attendance.export.exportAttendanceCsv, { eventId }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
  });

  test("after a yes: stars and comment, editable for 14 days, anonymous to admins; the summary", async () => {
    const { t, admin, ada, eventId, orgId } = await world(-3 * HOUR);
    await expectRefused(t, ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 5 }), "CONFLICT"); // no yes yet
    await ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true });
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      await expectRefused(
        t,
        ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating }),
        "INVALID_ARGUMENT",
        "rating",
      );
    }
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 4, comment: "x".repeat(2001) }),
      "INVALID_ARGUMENT",
      "comment",
    );
    const saved = await ada.mutation(api.attendance.mutations.submitFeedback, {
      eventId,
      rating: 4,
      comment: "Great talks",
    });
    expect(saved).toMatchObject({ rating: 4, comment: "Great talks", anonymous: false });
    let summary = await admin.query(api.attendance.queries.feedbackSummary, { eventId });
    expect(summary).toEqual({
      responses: 1,
      attendees: 1,
      responseRate: 1,
      average: null,
      distribution: [0, 0, 0, 1, 0],
      minResponsesForAverage: 3,
    });
    // Editing moves the counters, it does not add a response.
    await ada.mutation(api.attendance.mutations.submitFeedback, {
      eventId,
      rating: 2,
      comment: "On reflection, meh",
      anonymous: true,
    });
    for (const [name, rating] of [
      ["Bo", 5],
      ["Cy", 5],
    ] as const) {
      const m = await member(t, orgId, name);
      await rsvpRow(t, eventId, m.userId, "going");
      await m.as.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true });
      await m.as.mutation(api.attendance.mutations.submitFeedback, {
        eventId,
        rating,
        ...(name === "Bo" ? { comment: "=cmd" } : {}),
      });
    }
    const noShow = await member(t, orgId, "Dee");
    await rsvpRow(t, eventId, noShow.userId, "going");
    await admin.mutation(api.attendance.mutations.markAttendance, {
      eventId,
      userId: noShow.userId,
      state: "attended",
    });
    summary = await admin.query(api.attendance.queries.feedbackSummary, { eventId });
    expect(summary).toMatchObject({
      responses: 3,
      attendees: 4,
      responseRate: 0.75,
      average: 4,
      distribution: [0, 1, 0, 0, 2],
    });
    const comments = await admin.query(api.attendance.queries.listFeedbackComments, { eventId, ...page() });
    expect(comments.page.map((c) => [c.name, c.comment, c.anonymous, c.userId === null])).toEqual([
      ["Bo", "=cmd", false, false],
      [null, "On reflection, meh", true, true],
    ]);
    const history = await ada.query(api.attendance.queries.myAttendanceHistory, page());
    expect(history.page).toMatchObject([
      { eventId, state: "attended", source: "self_report", verified: false, feedback: { rating: 2, anonymous: true } },
    ]);

    // 14 days after the end it closes.
    vi.setSystemTime(NOW - HOUR + 14 * DAY + MINUTE);
    await expectRefused(t, ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 5 }), "CONFLICT");
  });

  test("before the event ends feedback is refused", async () => {
    const { t, ada, admin, adaId, eventId } = await world(-HOUR); // under way
    await admin.mutation(api.attendance.mutations.checkIn, { eventId, userId: adaId });
    await expectRefused(t, ada.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 5 }), "CONFLICT");
    await expectRefused(
      t,
      ada.mutation(api.attendance.mutations.answerPrompt, { eventId, attended: true }),
      "CONFLICT",
    );
  });
});

describe("past events on the event page and lists", () => {
  test("attendedCount, isPast and the viewer's record with how it was recorded", async () => {
    const { t, admin, ada, adaId, eventId, orgId } = await world(-3 * HOUR);
    await admin.mutation(api.attendance.mutations.markAttendance, { eventId, userId: adaId, state: "attended" });
    const page1 = await ada.query(api.events.queries.getEvent, { eventId });
    expect(page1).toMatchObject({ isPast: true, attendedCount: 1 });
    expect(page1.viewerAttendance).toMatchObject({
      state: "attended",
      source: "admin",
      verified: true,
      canAnswer: false,
      canGiveFeedback: true,
    });
    const past = await ada.query(api.events.queries.listOrgEvents, { orgId, when: "past", ...page() });
    expect(past.page[0]).toMatchObject({ _id: eventId, attendedCount: 1 });
    // Signed out: no viewer record.
    expect((await t.query(api.events.queries.getEvent, { eventId })).viewerAttendance).toBeNull();
  });
});

describe("2,000 RSVPs", () => {
  test("the prompt reaches all 2,000 going members, a page per transaction, within Convex's limits", async () => {
    const { t, eventId, orgId } = await world(DAY);
    await t.run(async (ctx) => {
      await ctx.db.patch("events", eventId, { notifyBefore: [] }); // no reminders: only the prompt
      for (let i = 0; i < 1999; i++) {
        const userId = await ctx.db.insert("users", { name: `M${i}`, email: `m${i}@example.com` });
        await ctx.db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
        await ctx.db.insert("eventAttendance", { eventId, userId, rsvpStatus: "going", rsvpAt: Date.now() });
      }
    });
    await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
    await runScheduled(t); // the prompt's pages
    const count = await t.run(
      async (ctx) => (await ctx.db.query("emails").collect()).filter((e) => e.kind === "attendance_prompt").length,
    );
    expect(count).toBe(2000);
  }, 300_000);
});
