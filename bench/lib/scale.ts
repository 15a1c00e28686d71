// Scale measurements: documents and bytes read per call of each hot path, from convex-test's
// transaction metrics, in a world whose org has N members. Counts, not timings: the same on
// any machine, so tests may assert them (bench/scale.test.ts) and the benchmark prints them.
import { join } from "node:path";
import type { Value } from "convex/values";
import { Engine, type Identity, type UdfType } from "../../local-backend/engine.ts";
import { identityOf, BENCH_PROFILE } from "./identity.ts";
import { walkStats } from "../../local-backend/indexed-db.ts";

const root = join(import.meta.dirname, "..", "..");
const BATCH = 2_000; // stays under Convex's 16,000 writes per transaction

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
};

export async function insertUsers(engine: Engine, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    ids.push(
      ...(await engine.runAsSystem(async (ctx) => {
        const db = ctx.db as Db;
        const created: string[] = [];
        for (let i = start; i < start + size; i++) {
          const name = `${prefix} Member ${i}`;
          const userId = await db.insert("users", { name, email: `${prefix.toLowerCase()}${i}@bench.example` });
          await db.insert("profiles", { userId, name, ...BENCH_PROFILE, updatedAt: Date.now() });
          created.push(userId);
        }
        return created;
      })),
    );
  }
  return ids;
}

export async function addMembers(engine: Engine, orgId: string, userIds: string[]) {
  for (let start = 0; start < userIds.length; start += BATCH) {
    const batch = userIds.slice(start, start + BATCH);
    await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      for (const userId of batch)
        await db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() });
    });
  }
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db & { get(table: string, id: string): Promise<{ memberCount: number }> };
    const org = await db.get("organizations", orgId);
    await db.patch("organizations", orgId, { memberCount: org.memberCount + userIds.length });
  });
}

export type ScaleRow = {
  bench: "scale";
  path: string;
  members: number;
  events?: number;
  rsvps?: number;
  documentsRead: number;
  bytesRead: number;
  indexRanges: number;
  documentsWritten: number;
  /** Documents the local engine walked to answer (what it costs here, beside what Convex reads). */
  documentsWalked: number;
};

/** Seeds a world whose main org has `members` members and measures every hot path once. */
export async function measureHotPaths(members: number): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const measure = async (
    engine: Engine,
    members: number,
    type: UdfType,
    path: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ) => {
    const walked = walkStats.documentsWalked;
    await engine.run(type, path, args, identity);
    const metrics = engine.lastTransactionMetrics!;
    rows.push({
      bench: "scale",
      path,
      members,
      documentsRead: metrics.documentsRead.used,
      bytesRead: metrics.bytesRead.used,
      indexRanges: metrics.databaseQueries.used,
      documentsWritten: metrics.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
  };

  const engine = await Engine.load(root, () => {});
  const [adminId, memberId, joinerId] = await insertUsers(engine, 3, "Key");
  const admin = identityOf(adminId!);
  const member = identityOf(memberId!);

  // The org under test, created through the app, plus neighbours for search and suggestions.
  const location = { city: "Berlin", country: "DE" };
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: "big-hub", name: "Big Safety Hub", location, visibility: "public" },
    admin,
  )) as { orgId: string };
  // Each neighbour has its own founder: one person may create only a few orgs an hour.
  const founders = await insertUsers(engine, 25, "Founder");
  for (let i = 0; i < 25; i++) {
    await engine.run(
      "mutation",
      "orgs/mutations:createOrg",
      {
        slug: `hub-${i}`,
        name: `Safety Hub ${i}`,
        location: { city: i % 2 ? "Berlin" : "Munich", country: "DE" },
        visibility: i % 5 ? "public" : "private",
      },
      identityOf(founders[i]!),
    );
  }
  await addMembers(engine, orgId, [memberId!, ...(await insertUsers(engine, members - 2, `S${members}`))]);
  const { token } = (await engine.run("mutation", "orgs/invites:createInvite", { orgId }, admin)) as { token: string };
  await engine.run(
    "mutation",
    "profiles/mutations:updateMyProfile",
    { name: "Key Member 1", location, skills: ["governance"], timezone: "Europe/Berlin" },
    member,
  );
  await engine.run(
    "mutation",
    "profiles/mutations:updatePrivacy",
    { privacy: BENCH_PROFILE.privacy, shareLocationForSuggestions: true },
    member,
  );

  const firstPage = { paginationOpts: { numItems: 50, cursor: null } };
  await measure(engine, members, "query", "orgs/queries:getOrgBySlug", { slug: "big-hub" }, member);
  await measure(engine, members, "query", "orgs/queries:listMembers", { orgId, ...firstPage }, member);
  await measure(engine, members, "query", "orgs/queries:searchOrgs", { query: "safety hub", ...firstPage }, member);
  await measure(engine, members, "query", "orgs/queries:suggestOrgsNearMe", {}, member);
  await measure(engine, members, "query", "orgs/invites:getInvitePreview", { token }, identityOf(joinerId!));
  await measure(engine, members, "mutation", "orgs/invites:joinByInvite", { token }, identityOf(joinerId!));
  return rows;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Events, RSVP and reminders as an org accumulates events and an event accumulates RSVPs:
 * `events` events in the org (past, upcoming, drafts), one upcoming event with `rsvps` going
 * members, and for the cron sweep `events × 10` events across the database.
 */
export async function measureEventPaths(events: number, rsvps: number): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const engine = await Engine.load(root, () => {});
  const [adminId, memberId, lateId] = await insertUsers(engine, 3, "Ev");
  const admin = identityOf(adminId!);
  const member = identityOf(memberId!);
  const attendees = await insertUsers(engine, rsvps, `R${rsvps}`);
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: "event-hub", name: "Event Hub", visibility: "public" },
    admin,
  )) as { orgId: string };
  await addMembers(engine, orgId, [memberId!, lateId!, ...attendees]);

  const now = Date.now();
  const eventDoc = (startTime: number, status: "draft" | "published", extra: Record<string, Value> = {}) => ({
    orgId,
    title: `Event at ${new Date(startTime).toISOString()}`,
    eventType: "meetup",
    startTime,
    endTime: startTime + 2 * HOUR,
    timezone: "Europe/Berlin",
    notifyBefore: [1440, 60],
    status,
    goingCount: 0,
    maybeCount: 0,
    waitlistCount: 0,
    waitlistSeq: 0,
    sequence: 0,
    createdBy: adminId!,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  // The org's history and future: half past, half upcoming, every tenth a draft.
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    for (let i = 0; i < events; i++) {
      const startTime = now + (i - events / 2) * DAY + 3 * HOUR;
      await db.insert("events", eventDoc(startTime, i % 10 === 0 ? "draft" : "published"));
    }
  });
  // The busy event starts in an hour (plus a little): its 1-hour reminder is due now.
  const busyStart = now + HOUR + 30_000;
  const busyId = await engine.runAsSystem(async (ctx) =>
    (ctx.db as Db).insert("events", eventDoc(busyStart, "published", { goingCount: rsvps, publishedAt: now })),
  );
  for (let start = 0; start < attendees.length; start += BATCH) {
    const batch = attendees.slice(start, start + BATCH);
    await engine.runAsSystem(async (ctx) => {
      for (const userId of batch)
        await (ctx.db as Db).insert("eventAttendance", { eventId: busyId, userId, rsvpStatus: "going", rsvpAt: now });
    });
  }
  // Other orgs' events fill the database for the reminder sweep (outside its window but one).
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    for (let i = 0; i < events * 9; i++) await db.insert("events", eventDoc(now + (30 + i) * DAY, "published"));
  });

  const tag = { events, rsvps };
  const measure = async (
    type: UdfType | "internal",
    path: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ) => {
    const walked = walkStats.documentsWalked;
    if (type === "internal") await engine.runInternal(path, args);
    else await engine.run(type, path, args, identity);
    const metrics = engine.lastTransactionMetrics!;
    rows.push({
      bench: "scale",
      path,
      members: rsvps + 2,
      ...tag,
      documentsRead: metrics.documentsRead.used,
      bytesRead: metrics.bytesRead.used,
      indexRanges: metrics.databaseQueries.used,
      documentsWritten: metrics.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
  };
  const firstPage = { paginationOpts: { numItems: 20, cursor: null } };
  await measure("query", "events/queries:getEvent", { eventId: busyId }, null);
  await measure("query", "events/queries:getEvent", { eventId: busyId }, member);
  await measure("query", "events/queries:myUpcomingEvents", {}, member);
  await measure("query", "events/queries:listOrgEvents", { orgId, when: "upcoming", ...firstPage }, member);
  await measure("query", "events/queries:listOrgEvents", { orgId, when: "past", ...firstPage }, member);
  await measure("mutation", "events/mutations:rsvp", { eventId: busyId, status: "going" }, identityOf(lateId!));
  await measure(
    "internal",
    "notifications/reminders:sendRemindersForEvent",
    { eventId: busyId, offsetMinutes: 60, startTime: busyStart },
    null,
  );
  await measure("internal", "notifications/reminders:sweepDueReminders", { now }, null);
  return rows;
}

/**
 * Attendance as an event grows: one event under way (check-in open) with `rsvps` going members,
 * named for the door list, and as many feedback entries on a past event; `events` events in the
 * database for the prompt sweep (a few inside its window, the rest long past or ahead).
 */
export async function measureAttendancePaths(rsvps: number, events: number): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const engine = await Engine.load(root, () => {});
  const [adminId, memberId] = await insertUsers(engine, 2, "At");
  const admin = identityOf(adminId!);
  const attendees = await insertUsers(engine, rsvps, `A${rsvps}`);
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: "door-hub", name: "Door Hub", visibility: "public" },
    admin,
  )) as { orgId: string };
  await addMembers(engine, orgId, [memberId!, ...attendees]);
  const now = Date.now();
  const eventDoc = (startTime: number, extra: Record<string, Value> = {}) => ({
    orgId,
    title: `Event at ${new Date(startTime).toISOString()}`,
    eventType: "meetup",
    startTime,
    endTime: startTime + 2 * HOUR,
    timezone: "Europe/Berlin",
    status: "published",
    goingCount: 0,
    maybeCount: 0,
    waitlistCount: 0,
    waitlistSeq: 0,
    sequence: 0,
    createdBy: adminId!,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  // Under way (check-in open) and yesterday's (feedback in).
  const liveId = await engine.runAsSystem(async (ctx) =>
    (ctx.db as Db).insert("events", eventDoc(now - 30 * 60_000, { goingCount: rsvps })),
  );
  const ratingCounts = [0, 0, 0, 0, 0];
  const pastId = await engine.runAsSystem(async (ctx) =>
    (ctx.db as Db).insert("events", eventDoc(now - DAY, { goingCount: rsvps })),
  );
  for (let start = 0; start < attendees.length; start += BATCH) {
    const batch = attendees.slice(start, start + BATCH);
    await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      for (const [i, userId] of batch.entries()) {
        const n = start + i;
        const name = `A${rsvps} Member ${n}`;
        await db.insert("eventAttendance", { eventId: liveId, userId, rsvpStatus: "going", rsvpAt: now, name });
        const rating = (n % 5) + 1;
        ratingCounts[rating - 1]! += 1;
        await db.insert("eventAttendance", {
          eventId: pastId,
          userId,
          rsvpStatus: "going",
          rsvpAt: now - 2 * DAY,
          name,
          selfReport: { attended: true, at: now - DAY + 3 * HOUR },
          state: "attended",
          source: "self_report",
          attended: true,
          attendedConfirmedAt: now - DAY + 3 * HOUR,
          historyAt: now - DAY + 2 * HOUR,
          feedback: {
            rating,
            comment: `Comment ${n}`,
            submittedAt: now - DAY + 4 * HOUR,
            updatedAt: now - DAY + 4 * HOUR,
          },
          commentAt: now - DAY + 4 * HOUR + n,
        });
      }
    });
  }
  await engine.runAsSystem(async (ctx) => {
    const total = ratingCounts.reduce((sum, count, i) => sum + count * (i + 1), 0);
    await (ctx.db as Db).patch("events", pastId, {
      attendanceStats: {
        attended: rsvps,
        noShows: 0,
        excused: 0,
        checkedIn: 0,
        selfReported: rsvps,
        disputed: 0,
        walkIns: 0,
        feedbackCount: rsvps,
        ratingSum: total,
        ratingCounts,
      },
    });
  });
  // The sweep's database: three events whose prompt is due, the rest outside its window.
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    for (let i = 0; i < 3; i++) await db.insert("events", eventDoc(now - 5 * HOUR - i * HOUR));
    for (let i = 0; i < events - 3; i++) {
      await db.insert("events", eventDoc(i % 2 === 0 ? now - (30 + i) * DAY : now + (30 + i) * DAY));
    }
  });

  const measure = async (
    type: UdfType | "internal",
    path: string,
    name: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ) => {
    const walked = walkStats.documentsWalked;
    if (type === "internal") await engine.runInternal(path, args);
    else await engine.run(type, path, args, identity);
    const metrics = engine.lastTransactionMetrics!;
    rows.push({
      bench: "scale",
      path: `attendance:${name}`,
      members: rsvps + 2,
      events,
      rsvps,
      documentsRead: metrics.documentsRead.used,
      bytesRead: metrics.bytesRead.used,
      indexRanges: metrics.databaseQueries.used,
      documentsWritten: metrics.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
  };
  const firstPage = { paginationOpts: { numItems: 50, cursor: null } };
  const target = attendees[Math.floor(attendees.length / 2)]!;
  await measure("query", "attendance/queries:checkInList", "checkInList", { eventId: liveId, ...firstPage }, admin);
  await measure(
    "query",
    "attendance/queries:checkInList",
    "checkInList(search)",
    { eventId: liveId, search: "Member 7", ...firstPage },
    admin,
  );
  await measure("mutation", "attendance/mutations:checkIn", "checkIn", { eventId: liveId, userId: target }, admin);
  await measure("query", "attendance/queries:checkInCounts", "checkInCounts", { eventId: liveId }, admin);
  await measure("internal", "attendance/prompts:sweepAttendancePrompts", "sweepAttendancePrompts", { now }, null);
  await measure("query", "attendance/queries:feedbackSummary", "feedbackSummary", { eventId: pastId }, admin);
  await measure(
    "query",
    "attendance/queries:listFeedbackComments",
    "listFeedbackComments",
    { eventId: pastId, ...firstPage },
    admin,
  );
  await measure(
    "query",
    "attendance/queries:myAttendanceHistory",
    "myAttendanceHistory",
    { ...firstPage },
    identityOf(target),
  );
  return rows;
}
