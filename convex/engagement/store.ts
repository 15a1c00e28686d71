// Writes of engagement state, shared by runs and admin mutations: the score row, the level
// distribution counters (engagementOrgStats.levelCounts, kept in the same write), the history.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { ENGAGEMENT_LIMITS, type EngagementLevel, type EngagementSource } from "../lib/vocabulary";
import { applyHysteresis } from "./rules";
import type { Signals } from "./signals";
import { onEngagementChanged } from "../crm/directoryHooks";

export const EMPTY_LEVEL_COUNTS: Doc<"engagementOrgStats">["levelCounts"] = {
  highly_engaged: 0,
  engaged: 0,
  moderately_engaged: 0,
  low_engagement: 0,
  inactive: 0,
};

export function monthKey(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

export async function getOrgStats(ctx: QueryCtx, orgId: Id<"organizations">) {
  return ctx.db
    .query("engagementOrgStats")
    .withIndex("by_org", (q) => q.eq("orgId", orgId))
    .unique();
}

export async function ensureOrgStats(ctx: MutationCtx, orgId: Id<"organizations">, now: number) {
  const existing = await getOrgStats(ctx, orgId);
  if (existing !== null) return existing;
  const id = await ctx.db.insert("engagementOrgStats", {
    orgId,
    levelCounts: { ...EMPTY_LEVEL_COUNTS },
    monthlyBudgetUsd: ENGAGEMENT_LIMITS.defaultMonthlyBudgetUsd,
    spendMonth: monthKey(now),
    spentUsd: 0,
  });
  return (await ctx.db.get("engagementOrgStats", id))!;
}

/** This month's spend (a new month starts at zero). */
export function spentThisMonth(stats: Doc<"engagementOrgStats"> | null, now: number): number {
  return stats !== null && stats.spendMonth === monthKey(now) ? stats.spentUsd : 0;
}

export async function getScore(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  return ctx.db
    .query("engagementScores")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

/** Moves one member between levels in the org's distribution. */
export async function moveLevel(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  from: EngagementLevel | undefined,
  to: EngagementLevel | undefined,
  now: number,
) {
  if (from === to) return;
  const stats = await ensureOrgStats(ctx, orgId, now);
  const counts = { ...stats.levelCounts };
  if (from !== undefined) counts[from] = Math.max(0, counts[from] - 1);
  if (to !== undefined) counts[to] += 1;
  await ctx.db.patch("engagementOrgStats", stats._id, { levelCounts: counts });
}

export type Computed = {
  score: number;
  level: EngagementLevel;
  explanation: string;
  source: Exclude<EngagementSource, "override">;
  fallbackReason?: string;
  modelVersion: string;
};

/**
 * Stores a computed score (the override, if any, stays and keeps winning). The level goes
 * through the demotion cooldown; a change of level or source lands in the history, unless
 * `provisional` (a rule score shown until the model's answer arrives).
 */
export async function writeComputedScore(
  ctx: MutationCtx,
  args: {
    orgId: Id<"organizations">;
    userId: Id<"users">;
    signals: Signals;
    signalsHash: string;
    computed: Computed;
    rule: { score: number; level: EngagementLevel };
    runId: Id<"engagementRuns">;
    now: number;
    provisional?: boolean;
  },
): Promise<void> {
  const { orgId, userId, computed, now } = args;
  const existing = await getScore(ctx, orgId, userId);
  // A provisional row (no hash yet) is not a level the member held.
  const held = applyHysteresis(computed.level, existing?.signalsHash === undefined ? null : existing, now);
  const level = held.level;
  const explanation = held.held
    ? `${computed.explanation} Kept at the previous level: a level drops at most once in 4 weeks.`.slice(0, 400)
    : computed.explanation;
  const effectiveLevel = existing?.overrideLevel ?? level;
  const effectiveSource: EngagementSource = existing?.overrideLevel !== undefined ? "override" : computed.source;
  const fields = {
    score: computed.score,
    level,
    computedAt: now,
    modelVersion: computed.modelVersion,
    signals: args.signals,
    signalsHash: args.provisional ? undefined : args.signalsHash,
    explanation,
    source: computed.source,
    fallbackReason: computed.fallbackReason,
    ruleScore: args.rule.score,
    ruleLevel: args.rule.level,
    lastDemotedAt: held.lastDemotedAt,
    effectiveLevel,
    effectiveSource,
    runId: args.runId,
  };
  if (existing === null) {
    await ctx.db.insert("engagementScores", { orgId, userId, ...fields });
  } else {
    await ctx.db.patch("engagementScores", existing._id, fields);
  }
  await moveLevel(ctx, orgId, existing?.effectiveLevel, effectiveLevel, now);
  if (existing?.effectiveLevel !== effectiveLevel) await onEngagementChanged(ctx, orgId, userId);
  const changed = existing === null || existing.level !== level || existing.source !== computed.source;
  if (changed && !args.provisional) {
    await ctx.db.insert("engagementHistory", {
      orgId,
      userId,
      at: now,
      kind: "computed",
      level,
      score: computed.score,
      source: computed.source,
      explanation,
      runId: args.runId,
    });
  }
}
