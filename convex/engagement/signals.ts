// Signals: what engagement scoring knows about one member of one org. Everything comes from
// maintained counters (orgMemberships.attendanceStats, program sessions and completions included; profiles.completeness) and point reads
// (the member's row at each of the org's last 10 past events), never from scanning the member's
// or the org's history. The org-wide part (past events held: a maintained counter, see
// eventCounter.ts; the last 10 of them) is read once per run and handed to every member's read.
import type { Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { ENGAGEMENT_LIMITS } from "../lib/vocabulary";
import type { engagementSignalsValidator } from "../schema";

export type Signals = Required<Infer<typeof engagementSignalsValidator>>;

const DAY = 24 * 60 * 60 * 1000;

/** What a run reads once for the whole org. */
export type OrgContext = { totalOrgEvents: number; recentEventIds: Id<"events">[] };

/** The signals of one membership (bounded: the profile and at most 10 point reads). */
export async function readSignals(
  ctx: QueryCtx,
  membership: Doc<"orgMemberships">,
  org: OrgContext,
  now: number,
): Promise<Signals> {
  const stats = membership.attendanceStats;
  const profile = await ctx.db
    .query("profiles")
    .withIndex("by_user", (q) => q.eq("userId", membership.userId))
    .unique();
  let recentAttended = 0;
  for (const eventId of org.recentEventIds.slice(0, ENGAGEMENT_LIMITS.recentEvents)) {
    const row = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", membership.userId))
      .unique();
    if (row?.state === "attended") recentAttended += 1;
  }
  const attendedVerified = stats?.attendedVerified ?? 0;
  const attendedSelfReported = stats?.attendedSelfReported ?? 0;
  return {
    eventsAttended: attendedVerified + attendedSelfReported,
    eventsRsvped: stats?.rsvped ?? 0,
    totalOrgEvents: org.totalOrgEvents,
    profileCompleteness: Math.round(profile?.completeness ?? 0),
    lastActivityAt: Math.max(stats?.lastActivityAt ?? 0, stats?.lastAttendedAt ?? 0),
    membershipDurationDays: Math.max(0, Math.floor((now - membership.joinedAt) / DAY)),
    attendedVerified,
    attendedSelfReported,
    noShows: stats?.noShows ?? 0,
    recentAttended,
    recentEvents: Math.min(org.recentEventIds.length, ENGAGEMENT_LIMITS.recentEvents),
    programSessions: stats?.programSessionsAttended ?? 0,
    programsCompleted: stats?.programsCompleted ?? 0,
  };
}

/** Fills in the fields a row written before engagement scoring lacks. */
export function completeSignals(signals: Infer<typeof engagementSignalsValidator>): Signals {
  return {
    attendedVerified: 0,
    attendedSelfReported: 0,
    noShows: 0,
    recentAttended: 0,
    recentEvents: 0,
    programSessions: 0,
    programsCompleted: 0,
    ...signals,
  } as Signals;
}

/** Whole days since the member's last activity, or null if there was none. */
export function daysSinceActivity(signals: Signals, now: number): number | null {
  return signals.lastActivityAt > 0 ? Math.max(0, Math.floor((now - signals.lastActivityAt) / DAY)) : null;
}

/**
 * A hash of what the score depends on, so a member whose signals did not change is carried
 * over instead of being sent to the model again. Tenure enters in whole 30-day months (it grows
 * every day, and a day more does not make anyone more engaged).
 */
export function signalsHash(signals: Signals): string {
  const parts = [
    signals.attendedVerified,
    signals.attendedSelfReported,
    signals.eventsRsvped,
    signals.noShows,
    signals.recentAttended,
    signals.recentEvents,
    signals.totalOrgEvents,
    signals.profileCompleteness,
    signals.lastActivityAt,
    Math.floor(signals.membershipDurationDays / 30),
    signals.programSessions,
    signals.programsCompleted,
  ].join("|");
  // FNV-1a, 32 bits, twice with different seeds: short, stable, good enough to detect a change.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < parts.length; i += 1) {
    const c = parts.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `v1-${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
