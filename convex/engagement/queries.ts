// Admin-only reads of engagement: the distribution (maintained counters), members by level and
// source (an index per filter, server-paginated), one member's score and timeline, the latest
// run (a live progress bar while it runs, the cost afterwards), past runs, the budget, and the
// rule-based scorer as data.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { orgAdminQuery } from "../lib/functions";
import {
  ENGAGEMENT_LIMITS,
  engagementLevelValidator,
  engagementRulesReasonValidator,
  engagementRunModeValidator,
  engagementRunStatusValidator,
  engagementSourceValidator,
} from "../lib/vocabulary";
import { displayName, getProfileByUser } from "../profiles/model";
import { engagementSignalsValidator } from "../schema";
import { RULES_DESCRIPTION } from "./rules";
import { EMPTY_LEVEL_COUNTS, getOrgStats, getScore, spentThisMonth } from "./store";

const levelCountsValidator = v.object({
  highly_engaged: v.number(),
  engaged: v.number(),
  moderately_engaged: v.number(),
  low_engagement: v.number(),
  inactive: v.number(),
});

export const memberEngagementValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  effectiveLevel: engagementLevelValidator,
  /** Where the effective level comes from: model, rules or an admin's override. */
  source: engagementSourceValidator,
  /** The computed score and level, shown beside an override. */
  score: v.number(),
  computedLevel: engagementLevelValidator,
  computedSource: engagementSourceValidator,
  explanation: v.union(v.string(), v.null()),
  fallbackReason: v.union(v.string(), v.null()),
  ruleScore: v.union(v.number(), v.null()),
  override: v.union(
    v.null(),
    v.object({
      level: engagementLevelValidator,
      reason: v.string(),
      by: v.union(v.id("users"), v.null()),
      at: v.number(),
    }),
  ),
  computedAt: v.number(),
  modelVersion: v.string(),
  signals: engagementSignalsValidator,
});

async function toMemberEngagement(ctx: QueryCtx, row: Doc<"engagementScores">) {
  const [user, profile] = await Promise.all([ctx.db.get("users", row.userId), getProfileByUser(ctx, row.userId)]);
  return {
    userId: row.userId,
    name: displayName(profile, user),
    effectiveLevel: row.overrideLevel ?? row.level,
    source: row.overrideLevel !== undefined ? ("override" as const) : (row.source ?? "rules"),
    score: row.score,
    computedLevel: row.level,
    computedSource: row.source ?? "rules",
    explanation: row.explanation ?? null,
    fallbackReason: row.fallbackReason ?? null,
    ruleScore: row.ruleScore ?? null,
    override:
      row.overrideLevel === undefined
        ? null
        : {
            level: row.overrideLevel,
            reason: row.overrideReason ?? "",
            by: row.overrideBy ?? null,
            at: row.overrideAt ?? row.computedAt,
          },
    computedAt: row.computedAt,
    modelVersion: row.modelVersion,
    signals: row.signals,
  };
}

export const levelDistribution = orgAdminQuery({
  args: {},
  returns: v.object({ counts: levelCountsValidator, scored: v.number() }),
  handler: async (ctx) => {
    const stats = await getOrgStats(ctx, ctx.org._id);
    const counts = stats?.levelCounts ?? EMPTY_LEVEL_COUNTS;
    return { counts, scored: Object.values(counts).reduce((a, b) => a + b, 0) };
  },
});

export const listMembersByLevel = orgAdminQuery({
  args: {
    level: v.optional(engagementLevelValidator),
    source: v.optional(engagementSourceValidator),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(memberEngagementValidator),
  handler: async (ctx, { level, source, paginationOpts }) => {
    const orgId = ctx.org._id;
    const query =
      source !== undefined
        ? ctx.db
            .query("engagementScores")
            .withIndex("by_org_source_level", (q) =>
              level !== undefined
                ? q.eq("orgId", orgId).eq("effectiveSource", source).eq("effectiveLevel", level)
                : q.eq("orgId", orgId).eq("effectiveSource", source),
            )
        : ctx.db
            .query("engagementScores")
            .withIndex("by_org_level", (q) =>
              level !== undefined ? q.eq("orgId", orgId).eq("effectiveLevel", level) : q.eq("orgId", orgId),
            );
    const page = await query.paginate(paginationOpts);
    return { ...page, page: await Promise.all(page.page.map((row) => toMemberEngagement(ctx, row))) };
  },
});

export const memberEngagement = orgAdminQuery({
  args: { userId: v.id("users") },
  returns: v.union(v.null(), memberEngagementValidator),
  handler: async (ctx, { userId }) => {
    const row = await getScore(ctx, ctx.org._id, userId);
    return row === null ? null : toMemberEngagement(ctx, row);
  },
});

export const memberHistory = orgAdminQuery({
  args: { userId: v.id("users"), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(
    v.object({
      _id: v.id("engagementHistory"),
      at: v.number(),
      kind: v.union(v.literal("computed"), v.literal("override"), v.literal("override_cleared")),
      level: v.union(engagementLevelValidator, v.null()),
      score: v.union(v.number(), v.null()),
      source: v.union(engagementSourceValidator, v.null()),
      reason: v.union(v.string(), v.null()),
      explanation: v.union(v.string(), v.null()),
      byName: v.union(v.string(), v.null()),
    }),
  ),
  handler: async (ctx, { userId, paginationOpts }) => {
    const page = await ctx.db
      .query("engagementHistory")
      .withIndex("by_org_user_at", (q) => q.eq("orgId", ctx.org._id).eq("userId", userId))
      .order("desc")
      .paginate(paginationOpts);
    const rows = await Promise.all(
      page.page.map(async (h) => {
        let byName: string | null = null;
        if (h.by !== undefined) {
          const [user, profile] = await Promise.all([ctx.db.get("users", h.by), getProfileByUser(ctx, h.by)]);
          byName = displayName(profile, user);
        }
        return {
          _id: h._id,
          at: h.at,
          kind: h.kind,
          level: h.level ?? null,
          score: h.score ?? null,
          source: h.source ?? null,
          reason: h.reason ?? null,
          explanation: h.explanation ?? null,
          byName,
        };
      }),
    );
    return { ...page, page: rows };
  },
});

export const runValidator = v.object({
  _id: v.id("engagementRuns"),
  trigger: v.union(v.literal("cron"), v.literal("manual")),
  mode: engagementRunModeValidator,
  rulesReason: v.union(engagementRulesReasonValidator, v.null()),
  status: engagementRunStatusValidator,
  startedAt: v.number(),
  finishedAt: v.union(v.number(), v.null()),
  membersTotal: v.number(),
  membersDone: v.number(),
  sentToModel: v.number(),
  carriedOver: v.number(),
  fallbacks: v.number(),
  llmRequests: v.number(),
  inputTokens: v.number(),
  outputTokens: v.number(),
  estimatedCostUsd: v.number(),
});

function toRun(run: Doc<"engagementRuns">) {
  return {
    _id: run._id,
    trigger: run.trigger,
    mode: run.mode,
    rulesReason: run.rulesReason ?? null,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    membersTotal: run.membersTotal,
    membersDone: run.membersDone,
    sentToModel: run.sentToModel,
    carriedOver: run.carriedOver,
    fallbacks: run.fallbacks,
    llmRequests: run.llmRequests,
    inputTokens: run.inputTokens,
    outputTokens: run.outputTokens,
    estimatedCostUsd: run.estimatedCostUsd,
  };
}

/** The latest run: progress while it runs (membersDone of membersTotal), tokens and cost after. */
export const latestRun = orgAdminQuery({
  args: {},
  returns: v.union(v.null(), runValidator),
  handler: async (ctx) => {
    const run = await ctx.db
      .query("engagementRuns")
      .withIndex("by_org_started", (q) => q.eq("orgId", ctx.org._id))
      .order("desc")
      .first();
    return run === null ? null : toRun(run);
  },
});

export const listRuns = orgAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(runValidator),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db
      .query("engagementRuns")
      .withIndex("by_org_started", (q) => q.eq("orgId", ctx.org._id))
      .order("desc")
      .paginate(paginationOpts);
    return { ...page, page: page.page.map(toRun) };
  },
});

export const budget = orgAdminQuery({
  args: {},
  returns: v.object({ monthlyBudgetUsd: v.number(), spentThisMonthUsd: v.number(), overBudget: v.boolean() }),
  handler: async (ctx) => {
    const stats = await getOrgStats(ctx, ctx.org._id);
    const monthlyBudgetUsd = stats?.monthlyBudgetUsd ?? ENGAGEMENT_LIMITS.defaultMonthlyBudgetUsd;
    const spent = spentThisMonth(stats, Date.now());
    return { monthlyBudgetUsd, spentThisMonthUsd: spent, overBudget: spent >= monthlyBudgetUsd };
  },
});

/** The rule-based scorer, as the admin page shows it. */
export const scoringRules = orgAdminQuery({
  args: {},
  returns: v.object({
    version: v.string(),
    factors: v.array(v.object({ key: v.string(), maxPoints: v.number(), description: v.string() })),
    bands: v.array(v.object({ level: engagementLevelValidator, min: v.number(), max: v.number() })),
    demotionCooldownDays: v.number(),
  }),
  handler: async () => RULES_DESCRIPTION,
});
