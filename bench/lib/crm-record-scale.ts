// The CRM member record and community stats in an org of N members: documents read per call of
// the record, its timeline (first page), the stats for each range, and adding a note. The world is
// written straight into the tables (as the app's counters would hold it): members who joined over
// the past year, 40 past events with their counters, and one member with a long timeline.
import { join } from "node:path";
import type { Value } from "convex/values";
import { Engine, type UdfType } from "../../local-backend/engine.ts";
import { identityOf, BENCH_PROFILE } from "./identity.ts";
import { walkStats } from "../../local-backend/indexed-db.ts";

const root = join(import.meta.dirname, "..", "..");
const BATCH = 2_000;
const DAY = 86_400_000;

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
  get(table: string, id: string): Promise<Record<string, Value>>;
};

async function recordWorld(members: number) {
  const engine = await Engine.load(root, () => {});
  const now = Date.now();
  const adminId = await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    const userId = await db.insert("users", { name: "Bench Admin", email: "admin@bench.example" });
    await db.insert("profiles", { userId, name: "Bench Admin", ...BENCH_PROFILE, updatedAt: now });
    return userId;
  });
  const admin = identityOf(adminId);
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: "crm-hub", name: "CRM Hub", visibility: "public" },
    admin,
  )) as { orgId: string };

  // Members, joined over the past year, with attendance counters; the day rows they make.
  const joinsByDay = new Map<number, number>();
  const lastSeenByDay = new Map<number, number>();
  let targetId = "";
  for (let start = 0; start < members - 1; start += BATCH) {
    const size = Math.min(BATCH, members - 1 - start);
    const first = await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      let firstId = "";
      for (let i = start; i < start + size; i++) {
        const name = `Member ${i}`;
        const userId = await db.insert("users", { name, email: `m${i}@bench.example` });
        if (firstId === "") firstId = userId;
        await db.insert("profiles", { userId, name, ...BENCH_PROFILE, updatedAt: now });
        const joinedAt = now - (i % 365) * DAY;
        const lastAttendedAt = i % 3 === 0 ? now - (i % 120) * DAY : undefined;
        await db.insert("orgMemberships", {
          orgId,
          userId,
          role: "member",
          joinedAt,
          attendanceStats: {
            attendedVerified: i % 7,
            attendedSelfReported: i % 2,
            rsvped: i % 9,
            noShows: i % 3,
            ...(lastAttendedAt === undefined ? {} : { lastAttendedAt, lastActivityAt: lastAttendedAt }),
          },
        });
        const day = Math.floor(joinedAt / DAY) * DAY;
        joinsByDay.set(day, (joinsByDay.get(day) ?? 0) + 1);
        if (lastAttendedAt !== undefined) {
          const seen = Math.floor(lastAttendedAt / DAY) * DAY;
          lastSeenByDay.set(seen, (lastSeenByDay.get(seen) ?? 0) + 1);
        }
      }
      return firstId;
    });
    if (targetId === "") targetId = first;
  }
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    const org = await db.get("organizations", orgId);
    await db.patch("organizations", orgId, { memberCount: (org.memberCount as number) + members - 1 });
    for (const day of new Set([...joinsByDay.keys(), ...lastSeenByDay.keys()])) {
      await db.insert("crmDailyStats", {
        orgId,
        day,
        joins: joinsByDay.get(day) ?? 0,
        leaves: 0,
        lastSeen: lastSeenByDay.get(day) ?? 0,
      });
    }
    // 40 past events over the year, with their counters.
    const eventIds: string[] = [];
    for (let e = 0; e < 40; e++) {
      const startTime = now - (e * 9 + 1) * DAY;
      const going = Math.min(members, 30 + e);
      const attended = Math.floor(going * 0.7);
      eventIds.push(
        await db.insert("events", {
          orgId,
          title: `Meetup ${e}`,
          eventType: "meetup",
          startTime,
          endTime: startTime + 2 * 3_600_000,
          timezone: "Europe/Berlin",
          status: "published",
          goingCount: going,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy: adminId,
          createdAt: startTime - 30 * DAY,
          updatedAt: startTime - 30 * DAY,
          attendanceStats: {
            attended,
            noShows: going - attended,
            excused: 0,
            checkedIn: attended,
            selfReported: 0,
            disputed: 0,
            walkIns: 0,
            feedbackCount: 10,
            ratingSum: 42,
            ratingCounts: [0, 0, 2, 4, 4],
          },
          attendeeMix: { new: 3, returning: attended - 3 },
        }),
      );
    }
    // The target member's long timeline: a join, then an RSVP and a check-in per event.
    await db.insert("memberTimeline", { orgId, userId: targetId, at: now - 365 * DAY, kind: "joined" });
    for (const [e, eventId] of eventIds.entries()) {
      const at = now - (e * 9 + 1) * DAY;
      await db.insert("memberTimeline", {
        orgId,
        userId: targetId,
        at: at - DAY,
        kind: "rsvp",
        eventId,
        rsvpStatus: "going",
      });
      await db.insert("memberTimeline", {
        orgId,
        userId: targetId,
        at,
        kind: "attendance",
        eventId,
        state: "attended",
        source: "check_in",
        via: "door",
        by: adminId,
      });
    }
  });
  return { engine, orgId, admin, targetId };
}

export type RecordRow = {
  bench: "scale";
  path: string;
  members: number;
  documentsRead: number;
  bytesRead: number;
  indexRanges: number;
  documentsWritten: number;
  documentsWalked: number;
};

export async function measureRecordPaths(members: number): Promise<RecordRow[]> {
  const { engine, orgId, admin, targetId } = await recordWorld(members);
  const rows: RecordRow[] = [];
  const measure = async (type: UdfType, path: string, args: Record<string, Value>, label: string) => {
    const walked = walkStats.documentsWalked;
    await engine.run(type, path, args, admin);
    const m = engine.lastTransactionMetrics!;
    rows.push({
      bench: "scale",
      path: `crm:${label}`,
      members,
      documentsRead: m.documentsRead.used,
      bytesRead: m.bytesRead.used,
      indexRanges: m.databaseQueries.used,
      documentsWritten: m.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
  };
  await measure("query", "crm/record:memberRecord", { orgId, userId: targetId }, "memberRecord");
  await measure(
    "query",
    "crm/record:memberTimeline",
    { orgId, userId: targetId, paginationOpts: { numItems: 20, cursor: null } },
    "memberTimeline",
  );
  for (const range of [30, 90, 365]) {
    await measure("query", "crm/stats:communityStats", { orgId, range }, `communityStats(${range})`);
  }
  await measure("mutation", "crm/notes:addNote", { orgId, userId: targetId, body: "Bench note" }, "addNote");
  return rows;
}
