// Demo programs in the first demo org: a weekly reading group half-way through (mixed
// attendance, one participant past the allowed absences) and a completed fellowship with
// certificates. Sessions are events; attendance goes through the attendance code, and the
// cohort through the programs' own enrollment, so every counter agrees with the rows.
import { formatInTimeZone } from "date-fns-tz";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { writeAttendance } from "../attendance/model";
import { applyRsvp, getRsvp } from "../events/model";
import { localToUtc } from "../events/validation";
import { DEFAULT_REMINDER_TIMES } from "../lib/vocabulary";
import { enroll } from "../programs/enrollment";
import { settleAndTell } from "../programs/hooks";
import { listSessions } from "../programs/model";

const DAY = 24 * 60 * 60 * 1000;
type Mark = "A" | "N" | "E" | "-"; // attended, no-show, excused, nothing recorded

type DemoProgram = {
  name: string;
  description: string;
  kind: "reading_group" | "fellowship";
  status: "active" | "completed";
  firstDay: number; // days from today of the first session
  sessions: number;
  minAttended: number;
  venue: string;
  /**
   * Indexes into the org's people (admin first); one string of marks per past session each.
   * `joinedAfter`: a late joiner, enrolled after that many sessions (their marks start there).
   */
  cohort: { person: number; marks: string; joinedAfter?: number }[];
};

const PROGRAMS: DemoProgram[] = [
  {
    name: "AI Safety Fundamentals reading group",
    description:
      "Eight weeks through the **AI Safety Fundamentals** alignment curriculum. One chapter a week, discussed over tea.\n\n- Read before the session (about 2 hours)\n- Attend 6 of 8 sessions to complete",
    kind: "reading_group",
    status: "active",
    firstDay: -25,
    sessions: 8,
    minAttended: 6,
    venue: "Impact Hub Berlin, Room 3",
    cohort: [
      { person: 2, marks: "AAAA" },
      { person: 3, marks: "AAEA" },
      { person: 4, marks: "ANNN" }, // at risk: 3 absences, 2 allowed
      { person: 5, marks: "AAAN" },
      { person: 6, marks: "AEAA" },
      { person: 7, marks: "NAAA" },
      // Joined after two sessions: those are "not enrolled yet", not absences; 2 + 4 still open ≥ 6.
      { person: 8, marks: "--AA", joinedAfter: 2 },
    ],
  },
  {
    name: "Technical AI Safety Fellowship (autumn cohort)",
    description: "A six-week fellowship: weekly research seminars and a final project presentation.",
    kind: "fellowship",
    status: "completed",
    firstDay: -80,
    sessions: 6,
    minAttended: 5,
    venue: "Impact Hub Berlin, Seminar room",
    cohort: [
      { person: 0, marks: "AAAAAA" },
      { person: 8, marks: "AAEAAA" },
      { person: 9, marks: "AAAAAN" },
      { person: 10, marks: "ANANAA" },
    ],
  },
];

const STATE = { A: "attended", N: "no_show", E: "excused" } as const;

export async function seedPrograms(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  adminId: Id<"users">,
  people: Id<"users">[],
  timezone: string,
  now: number,
) {
  for (const spec of PROGRAMS) {
    const first = formatInTimeZone(now + spec.firstDay * DAY, timezone, "yyyy-MM-dd");
    const last = formatInTimeZone(now + (spec.firstDay + 7 * (spec.sessions - 1)) * DAY, timezone, "yyyy-MM-dd");
    const programId = await ctx.db.insert("programs", {
      orgId,
      name: spec.name,
      description: spec.description,
      kind: spec.kind,
      startDate: first,
      endDate: last,
      timezone,
      capacity: 12,
      enrollmentMode: spec.kind === "fellowship" ? "apply" : "open",
      status: spec.status,
      minAttended: spec.minAttended,
      countExcused: true,
      enrolledCount: 0,
      pendingCount: 0,
      sessionCount: spec.sessions,
      seriesSeq: 1,
      createdBy: adminId,
      createdAt: now + (spec.firstDay - 14) * DAY,
      updatedAt: now,
    });
    const sessionIds: Id<"events">[] = [];
    for (let i = 0; i < spec.sessions; i++) {
      const day = formatInTimeZone(now + (spec.firstDay + 7 * i) * DAY, timezone, "yyyy-MM-dd");
      const startTime = localToUtc("startLocal", `${day}T18:30`, timezone);
      const createdAt = now + (spec.firstDay - 14) * DAY;
      sessionIds.push(
        await ctx.db.insert("events", {
          orgId,
          title: `${spec.name} · Session ${i + 1}`,
          description: spec.description,
          eventType: spec.kind === "reading_group" ? "reading_group" : "workshop",
          location: spec.venue,
          startTime,
          endTime: startTime + 90 * 60_000,
          timezone,
          notifyBefore: [...DEFAULT_REMINDER_TIMES],
          status: "published",
          publishedAt: createdAt,
          goingCount: 0,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy: adminId,
          createdAt,
          updatedAt: createdAt,
          programId,
          series: { seriesId: `${programId}:1`, index: i },
        }),
      );
    }
    // Enrollment first, backdated to a week before the first session (a late joiner: the day
    // after the session they joined after); it RSVPs the cohort to the sessions still to come.
    const firstStart = (await ctx.db.get("events", sessionIds[0]!))!.startTime;
    for (const { person, joinedAfter } of spec.cohort) {
      const program = (await ctx.db.get("programs", programId))!;
      const since =
        joinedAfter === undefined
          ? firstStart - 7 * DAY
          : (await ctx.db.get("events", sessionIds[joinedAfter - 1]!))!.endTime + DAY;
      await enroll(ctx, program, people[person]!, now, since);
    }
    // Past sessions: everyone in the cohort was going; the marks are the admin's sheet, recorded
    // through the attendance code, whose program hook moves the counters, completes, flags at
    // risk and sends the one email, as it would live.
    for (const { person, marks, joinedAfter = 0 } of spec.cohort) {
      const userId = people[person]!;
      for (const [i, mark] of [...marks].entries()) {
        if (i < joinedAfter) continue; // not in the program yet
        const eventId = sessionIds[i]!;
        await applyRsvp(ctx, (await ctx.db.get("events", eventId))!, userId, "going", now);
        if (mark === "-") continue;
        const event = (await ctx.db.get("events", eventId))!;
        const at = event.endTime;
        const state = STATE[mark as Exclude<Mark, "-">];
        await writeAttendance(
          ctx,
          event,
          userId,
          await getRsvp(ctx, eventId, userId),
          { mark: { state, source: "admin", by: adminId, at } },
          at,
        );
      }
    }
    const program = (await ctx.db.get("programs", programId))!;
    const sessions = await listSessions(ctx, programId);
    for (const { person } of spec.cohort) {
      const e = await ctx.db
        .query("programEnrollments")
        .withIndex("by_program_user", (q) => q.eq("programId", programId).eq("userId", people[person]!))
        .unique();
      if (e !== null) await settleAndTell(ctx, program, e, sessions, now);
    }
  }
}
