// Program measurements: reads per call of the program paths with a cohort of N participants
// and M sessions (half of them over, each with an attendance record per participant). The
// matrix is bounded by the cohort and the sessions by design (participants × sessions' records);
// the program page, the dashboard list and enrollment must not grow with the cohort.
import { join } from "node:path";
import type { Value } from "convex/values";
import { Engine, type Identity, type UdfType } from "../../local-backend/engine.ts";
import { walkStats } from "../../local-backend/indexed-db.ts";
import { identityOf } from "./identity.ts";
import { addMembers, insertUsers } from "./scale.ts";

const root = join(import.meta.dirname, "..", "..");
const DAY = 86_400_000;

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
};

export type ProgramRow = {
  bench: "scale";
  path: string;
  participants: number;
  sessions: number;
  documentsRead: number;
  bytesRead: number;
  indexRanges: number;
  documentsWritten: number;
  documentsWalked: number;
};

export async function measureProgramPaths(participants: number, sessions: number): Promise<ProgramRow[]> {
  const engine = await Engine.load(root, () => {});
  const [adminId, joinerId] = await insertUsers(engine, 2, "PKey");
  const admin = identityOf(adminId!);
  const { orgId } = (await engine.run(
    "mutation",
    "orgs/mutations:createOrg",
    { slug: `prog-hub-${participants}`, name: "Program Hub", visibility: "public" },
    admin,
  )) as { orgId: string };
  const cohort = await insertUsers(engine, participants, `P${participants}`);
  await addMembers(engine, orgId, [joinerId!, ...cohort]);
  const now = Date.now();
  const first = now - Math.floor(sessions / 2) * 7 * DAY - DAY;
  const programId = await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    return await db.insert("programs", {
      orgId,
      name: "Bench reading group",
      kind: "reading_group",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      timezone: "Europe/Berlin",
      enrollmentMode: "open",
      status: "active",
      minAttended: Math.ceil(sessions * 0.75),
      countExcused: true,
      enrolledCount: participants,
      pendingCount: 0,
      sessionCount: sessions,
      seriesSeq: 1,
      createdBy: adminId!,
      createdAt: now,
      updatedAt: now,
    });
  });
  // Sessions, and for each past one an attendance record per participant (mostly attended).
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const startTime = first + i * 7 * DAY;
    const past = startTime + 2 * 3_600_000 < now;
    const id = await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      const eventId = await db.insert("events", {
        orgId,
        title: `Session ${i + 1}`,
        eventType: "reading_group",
        startTime,
        endTime: startTime + 90 * 60_000,
        timezone: "Europe/Berlin",
        status: "published",
        goingCount: participants,
        maybeCount: 0,
        waitlistCount: 0,
        waitlistSeq: 0,
        sequence: 0,
        createdBy: adminId!,
        createdAt: now,
        updatedAt: now,
        programId,
        series: { seriesId: `${programId}:1`, index: i },
      });
      for (const [j, userId] of cohort.entries()) {
        const state = !past ? null : (i + j) % 7 === 0 ? "no_show" : (i + j) % 11 === 0 ? "excused" : "attended";
        await db.insert("eventAttendance", {
          eventId,
          userId,
          rsvpStatus: "going",
          rsvpAt: now,
          name: `P Member ${j}`,
          ...(state === null ? {} : { state, source: "admin", attended: state === "attended" }),
        });
      }
      return eventId;
    });
    sessionIds.push(id);
  }
  const pastCount = sessionIds.length - Math.ceil(sessions / 2);
  await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    for (const [j, userId] of cohort.entries()) {
      await db.insert("programEnrollments", {
        programId,
        orgId,
        userId,
        status: "enrolled",
        name: `P Member ${j}`,
        enrolledAt: first - DAY, // enrolled before the first session (no late joiners)
        attended: Math.max(0, pastCount - 1),
        excused: 0,
      });
    }
  });

  const rows: ProgramRow[] = [];
  const measure = async (type: UdfType, path: string, args: Record<string, Value>, identity: Identity) => {
    const walked = walkStats.documentsWalked;
    await engine.run(type, path, args, identity);
    const m = engine.lastTransactionMetrics!;
    rows.push({
      bench: "scale",
      path: `programs:${path.split(":")[1]}`,
      participants,
      sessions,
      documentsRead: m.documentsRead.used,
      bytesRead: m.bytesRead.used,
      indexRanges: m.databaseQueries.used,
      documentsWritten: m.documentsWritten.used,
      documentsWalked: walkStats.documentsWalked - walked,
    });
  };
  const participant = identityOf(cohort[0]!);
  await measure("query", "programs/queries:matrix", { orgId, programId }, admin);
  await measure("query", "programs/queries:getProgram", { orgId, programId }, participant);
  await measure("query", "programs/queries:listPrograms", { orgId }, participant);
  await measure("query", "programs/queries:myPrograms", {}, participant);
  await measure("mutation", "programs/mutations:join", { orgId, programId }, identityOf(joinerId!));
  await measure("mutation", "programs/mutations:leave", { orgId, programId }, identityOf(joinerId!));
  // The event page's link back to the program (a session half-way), and an attendance write on
  // a session, which settles that participant's completion and at-risk in the same transaction.
  const middle = sessionIds[Math.floor(sessions / 2)]!;
  await measure("query", "programs/sessions:sessionProgram", { eventId: middle }, participant);
  const lastPast = sessionIds[pastCount - 1]!;
  await measure(
    "mutation",
    "attendance/mutations:markAttendance",
    { eventId: lastPast, userId: cohort[1]!, state: "excused" },
    admin,
  );
  rows.at(-1)!.path = "programs:markAttendance(session)";
  return rows;
}
