// The rule-based scorer. It scores every member on every run: it is the fallback when the model
// is unavailable (no API key, over budget, a failed request or an answer that fails
// validation), the baseline the model is shown, and the sanity check its answers are held to.
//
// The formula (points out of 100; RULES_DESCRIPTION below is the same, for the admin page):
//   recent attendance   40 × attended ÷ the org's last (up to) 10 past events
//   lifetime attendance 25 × min(1, weighted ÷ 10), weighted = verified + ½ × self-reported,
//                       decayed by recency: × ½ per 90 days since the last activity
//   RSVP reliability    20 × (1 − no-shows ÷ RSVPs) × min(1, RSVPs ÷ 3)
//   tenure              10 × min(1, days a member ÷ 365)
//   profile              5 × profile completeness ÷ 100
// Levels by fixed bands of the score (LEVEL_BANDS). Promotions take effect at once; a demotion
// at most once per 28 days (ENGAGEMENT_LIMITS.demotionCooldownMs), so a member away for a few
// weeks does not flap between levels.
import { ENGAGEMENT_LEVELS, ENGAGEMENT_LIMITS, type EngagementLevel } from "../lib/vocabulary";
import { daysSinceActivity, type Signals } from "./signals";

export const RULES_VERSION = "rules-v1";

/** Score bands, inclusive, most engaged first. */
export const LEVEL_BANDS: Record<EngagementLevel, { min: number; max: number }> = {
  highly_engaged: { min: 75, max: 100 },
  engaged: { min: 55, max: 74 },
  moderately_engaged: { min: 35, max: 54 },
  low_engagement: { min: 15, max: 34 },
  inactive: { min: 0, max: 14 },
};

export const RULE_FACTORS = [
  { key: "recentAttendance", maxPoints: 40, description: "Share of the org's last 10 past events attended" },
  {
    key: "lifetimeAttendance",
    maxPoints: 25,
    description:
      "Events attended (a check-in or admin mark counts 1, the member's own word ½), up to 10, halved per 90 days without activity",
  },
  { key: "reliability", maxPoints: 20, description: "RSVPs kept: 1 − no-shows ÷ RSVPs, full weight from 3 RSVPs" },
  { key: "tenure", maxPoints: 10, description: "Time as a member, full after a year" },
  { key: "profile", maxPoints: 5, description: "Profile completeness" },
] as const;
export type RuleFactorKey = (typeof RULE_FACTORS)[number]["key"];

/** The scorer as data, for the admin page. */
export const RULES_DESCRIPTION = {
  version: RULES_VERSION,
  factors: RULE_FACTORS.map((f) => ({ key: f.key, maxPoints: f.maxPoints, description: f.description })),
  bands: ENGAGEMENT_LEVELS.map((level) => ({ level, ...LEVEL_BANDS[level] })),
  demotionCooldownDays: ENGAGEMENT_LIMITS.demotionCooldownMs / (24 * 60 * 60 * 1000),
};

export function levelForScore(score: number): EngagementLevel {
  for (const level of ENGAGEMENT_LEVELS) if (score >= LEVEL_BANDS[level].min) return level;
  return "inactive";
}

export function clampScore(score: number): number {
  return Math.max(0, Math.min(100, Math.round(score)));
}

export function rank(level: EngagementLevel): number {
  return ENGAGEMENT_LEVELS.length - ENGAGEMENT_LEVELS.indexOf(level); // inactive 1 … highly 5
}

export type RuleScore = {
  score: number;
  level: EngagementLevel;
  factors: Record<RuleFactorKey, number>;
  explanation: string;
};

export function ruleFactors(signals: Signals, now: number): Record<RuleFactorKey, number> {
  const days = daysSinceActivity(signals, now);
  const decay = days === null ? 0 : Math.pow(0.5, days / 90);
  const weighted = signals.attendedVerified + 0.5 * signals.attendedSelfReported;
  return {
    recentAttendance:
      signals.recentEvents > 0
        ? (40 * Math.min(signals.recentAttended, signals.recentEvents)) / signals.recentEvents
        : 0,
    lifetimeAttendance: 25 * Math.min(1, weighted / 10) * decay,
    reliability:
      signals.eventsRsvped > 0
        ? 20 * Math.max(0, 1 - signals.noShows / signals.eventsRsvped) * Math.min(1, signals.eventsRsvped / 3)
        : 0,
    tenure: 10 * Math.min(1, signals.membershipDurationDays / 365),
    profile: (5 * Math.max(0, Math.min(100, signals.profileCompleteness))) / 100,
  };
}

export function scoreByRules(signals: Signals, now: number): RuleScore {
  const factors = ruleFactors(signals, now);
  const score = clampScore(Object.values(factors).reduce((a, b) => a + b, 0));
  return { score, level: levelForScore(score), factors, explanation: explainByRules(signals, factors) };
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** One or two sentences from the formula's largest factors, citing the signals. */
export function explainByRules(signals: Signals, factors: Record<RuleFactorKey, number>): string {
  const attendance: string[] = [];
  if (signals.recentEvents > 0) {
    attendance.push(`Attended ${signals.recentAttended} of the last ${plural(signals.recentEvents, "event")}`);
  } else {
    attendance.push("The org has held no events yet");
  }
  if (signals.attendedVerified > 0) attendance.push(`${signals.attendedVerified} checked in or marked by an admin`);
  if (signals.attendedSelfReported > 0) attendance.push(`${signals.attendedSelfReported} on their own word`);
  let first = attendance.join(", ");
  if (signals.noShows > 0) first += `; missed ${signals.noShows} after saying going`;
  const ranked = (Object.entries(factors) as [RuleFactorKey, number][])
    .filter(([key]) => key === "tenure" || key === "profile" || key === "reliability")
    .sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  let second = "";
  if (top !== undefined && top[1] > 0) {
    if (top[0] === "tenure") second = `A member for ${plural(signals.membershipDurationDays, "day")}.`;
    else if (top[0] === "reliability") second = `RSVP'd to ${plural(signals.eventsRsvped, "event")}.`;
    else second = `Profile ${signals.profileCompleteness}% complete.`;
  } else if (signals.eventsAttended === 0 && signals.eventsRsvped === 0) {
    second = "No RSVPs or attendance recorded yet.";
  }
  return `${first}.${second ? ` ${second}` : ""}`;
}

/**
 * The level to store given the previous one: promotions at once, a demotion only if the last
 * one was at least the cooldown ago. Returns the level and the demotion time to remember.
 */
export function applyHysteresis(
  computed: EngagementLevel,
  previous: { level: EngagementLevel; lastDemotedAt?: number } | null,
  now: number,
): { level: EngagementLevel; lastDemotedAt: number | undefined; held: boolean } {
  if (previous === null || rank(computed) >= rank(previous.level)) {
    return { level: computed, lastDemotedAt: previous?.lastDemotedAt, held: false };
  }
  const last = previous.lastDemotedAt;
  if (last !== undefined && now - last < ENGAGEMENT_LIMITS.demotionCooldownMs) {
    return { level: previous.level, lastDemotedAt: last, held: true };
  }
  return { level: computed, lastDemotedAt: now, held: false };
}
