// A CRM-shaped org at any size, written straight into an engine's store (as the other bench
// worlds are): members with varied profiles and privacy, attendance counters (and, when asked,
// past events with the attendance rows behind them), engagement scores with a few overrides,
// tags on some members, and the directory rows built by the app's own backfill.
import type { Value } from "convex/values";
import type { Engine } from "../../local-backend/engine.ts";

const BATCH = 400; // members per transaction: each writes up to ~6 documents, plus attendance
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEVELS = ["inactive", "low_engagement", "moderately_engaged", "engaged", "highly_engaged"] as const;
const STAGES = ["student", "early_career", "mid_career", "senior", "career_transition", "other"] as const;
const CITIES = ["Berlin", "London", "Paris", "Oxford", "Munich"] as const;
const SKILLS = ["python", "policy", "ml", "governance", "writing", "community"] as const;
const FIRST = ["Ada", "Ben", "Chloé", "Dmitri", "Esra", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lena"];
const LAST = ["Okafor", "Schmidt", "Nakamura", "Dubois", "Yilmaz", "Novak", "García", "Haddad", "Larsen", "Rossi"];

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  get(table: string, id: string): Promise<Record<string, Value> | null>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
};

export type CrmWorld = { tagIds: string[]; eventIds: string[]; memberIds: string[] };

const NOTIFICATIONS = {
  matchAlerts: { enabled: false },
  weeklyDigest: { enabled: true },
  timezone: "Europe/Berlin",
  eventReminders: { enabled: true, reminderTimes: [1440, 60] },
  orgAnnouncements: { enabled: true },
};

/** The i-th member's name: a few are formula-looking, to exercise the export's escaping. */
export function memberName(prefix: string, i: number) {
  if (i % 997 === 13) return `=HYPERLINK("https://example.org","${prefix} ${i}")`;
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${prefix}${i}`;
}

/**
 * Adds `count` members to `orgId` (which exists, with `adminId` its admin and only member so far).
 * `events`: past events with real attendance rows behind the counters (0: counters only).
 */
export async function populateCrmOrg(
  engine: Engine,
  options: {
    orgId: string;
    adminId: string;
    count: number;
    prefix: string;
    events?: number;
    log?: (s: string) => void;
  },
): Promise<CrmWorld> {
  const { orgId, adminId, count, prefix } = options;
  const now = Date.now();
  const system = <T>(handler: (db: Db) => Promise<T>) => engine.runAsSystem(async (ctx) => await handler(ctx.db as Db));
  const tagIds: string[] = [];
  for (const [name, color] of [
    ["Volunteer", "green"],
    ["Speaker", "purple"],
    ["Mentor", "blue"],
  ] as const) {
    tagIds.push(
      await system((db) =>
        db.insert("orgTags", { orgId, name, nameKey: name.toLowerCase(), color, createdBy: adminId, createdAt: now }),
      ),
    );
  }
  const eventIds: string[] = [];
  const eventCount = options.events ?? 0;
  await system(async (db) => {
    for (let e = 0; e < eventCount; e++) {
      const startTime = now - (eventCount - e) * 7 * DAY;
      eventIds.push(
        await db.insert("events", {
          orgId,
          title: `Reading group #${e + 1}`,
          eventType: "reading_group",
          startTime,
          endTime: startTime + 2 * HOUR,
          timezone: "Europe/Berlin",
          status: "published",
          publishedAt: startTime - 14 * DAY,
          goingCount: 0,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy: adminId,
          createdAt: startTime - 14 * DAY,
          updatedAt: startTime - 14 * DAY,
        }),
      );
    }
  });
  const levelCounts = { highly_engaged: 0, engaged: 0, moderately_engaged: 0, low_engagement: 0, inactive: 0 };
  const perEvent = eventIds.map(() => 0);
  const memberIds: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await system(async (db) => {
      for (let i = start; i < start + size; i++) {
        const name = memberName(prefix, i);
        const userId = await db.insert("users", { name, email: `${prefix.toLowerCase()}.${i}@example.org` });
        memberIds.push(userId);
        const city = CITIES[i % CITIES.length]!;
        await db.insert("profiles", {
          userId,
          name,
          ...(i % 4 === 0 ? { headline: `Working on ${SKILLS[i % SKILLS.length]}` } : {}),
          location: { city, country: city === "Berlin" || city === "Munich" ? "DE" : city === "Paris" ? "FR" : "GB" },
          skills: [SKILLS[i % SKILLS.length]!, SKILLS[(i + 2) % SKILLS.length]!],
          careerStage: STAGES[i % STAGES.length]!,
          timezone: "Europe/Berlin",
          notificationPreferences: NOTIFICATIONS,
          // Varied sharing: every flag is off for some members.
          privacy: {
            headline: i % 2 === 0,
            location: i % 3 === 0,
            skills: i % 5 !== 0,
            careerStage: i % 2 === 1,
            email: i % 4 === 0,
          },
          shareLocationForSuggestions: false,
          completeness: 80,
          updatedAt: now,
        });
        // Attendance: i % 9 events; some never came, the last visit spread over a year.
        const attended = eventCount > 0 ? Math.min(i % 9, eventCount) : i % 9;
        // With events: the member's attended events are consecutive, ending with event `last`.
        const last = eventCount - 1 - (i % Math.max(1, eventCount - attended + 1));
        const endOf = (e: number) => now - (eventCount - e) * 7 * DAY + 2 * HOUR;
        const lastAttendedAt = attended === 0 ? undefined : eventCount > 0 ? endOf(last) : now - (i % 365) * DAY;
        await db.insert("orgMemberships", {
          orgId,
          userId,
          role: "member",
          joinedAt: now - (i % 730) * DAY - i * 1000,
          attendanceStats: {
            attendedVerified: attended,
            attendedSelfReported: 0,
            rsvped: attended + (i % 3),
            noShows: i % 3 === 0 ? 1 : 0,
            lastAttendedAt,
            lastActivityAt: lastAttendedAt,
          },
        });
        if (eventCount > 0 && attended > 0) {
          for (let k = 0; k < attended; k++) {
            const e = last - k;
            const eventId = eventIds[e]!;
            const endTime = endOf(e);
            perEvent[e]! += 1;
            await db.insert("eventAttendance", {
              eventId,
              userId,
              rsvpStatus: "going",
              rsvpAt: endTime - 7 * DAY,
              rsvpCounted: true,
              name,
              mark: { state: "attended", source: "check_in", via: "door", by: adminId, at: endTime - HOUR },
              state: "attended",
              source: "check_in",
              attended: true,
              attendedConfirmedAt: endTime - HOUR,
              historyAt: endTime,
            });
          }
        }
        const level = LEVELS[Math.min(4, Math.floor(attended / 2))]!;
        const override = i % 50 === 7 ? LEVELS[(LEVELS.indexOf(level) + 2) % 5]! : undefined;
        const effective = override ?? level;
        levelCounts[effective] += 1;
        await db.insert("engagementScores", {
          userId,
          orgId,
          score: Math.min(100, attended * 11),
          level,
          computedAt: now,
          modelVersion: "rules-v1",
          signals: {
            eventsAttended: attended,
            eventsRsvped: attended + (i % 3),
            totalOrgEvents: eventCount,
            profileCompleteness: 80,
            lastActivityAt: lastAttendedAt ?? 0,
            membershipDurationDays: i % 730,
          },
          source: "rules",
          ruleScore: Math.min(100, attended * 11),
          ruleLevel: level,
          explanation: `Attended ${attended} events.`,
          ...(override
            ? { overrideLevel: override, overrideReason: "Set by hand", overrideBy: adminId, overrideAt: now }
            : {}),
          effectiveLevel: effective,
          effectiveSource: override ? "override" : "rules",
        });
        for (const [t, every] of [5, 11, 17].entries()) {
          if (i % every === 0) {
            await db.insert("memberTagAssignments", { orgId, userId, tagId: tagIds[t]!, by: adminId, at: now });
          }
        }
      }
    });
    options.log?.(`${start + size} of ${count} CRM members`);
  }
  await system(async (db) => {
    const org = (await db.get("organizations", orgId))!;
    await db.patch("organizations", orgId, { memberCount: (org.memberCount as number) + count });
    for (const [e, eventId] of eventIds.entries()) {
      await db.patch("events", eventId, {
        attendanceStats: {
          attended: perEvent[e]!,
          noShows: 0,
          excused: 0,
          checkedIn: perEvent[e]!,
          selfReported: 0,
          disputed: 0,
          walkIns: 0,
          feedbackCount: 0,
          ratingSum: 0,
          ratingCounts: [0, 0, 0, 0, 0],
        },
      });
    }
    await db.insert("engagementOrgStats", {
      orgId,
      levelCounts,
      monthlyBudgetUsd: 1,
      spendMonth: new Date(now).toISOString().slice(0, 7),
      spentUsd: 0,
      totalOrgEvents: eventCount,
      recentEventIds: eventIds.slice(-10),
    });
  });
  // The directory rows, through the app's own backfill (one page a transaction).
  let cursor: string | null = null;
  for (;;) {
    const page = (await engine.runInternal("crm/directoryBackfill:backfillOrg", { orgId, cursor, chain: false })) as {
      done: boolean;
      cursor: string;
    };
    if (page.done) break;
    cursor = page.cursor;
  }
  options.log?.(`directory built for ${count} members`);
  return { tagIds, eventIds, memberIds };
}
