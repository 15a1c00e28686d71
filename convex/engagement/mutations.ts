// Admin writes: overrides (a level with a required reason; it wins everywhere, survives
// recomputes and can be cleared; both land in the history), "Recompute now", and the budget.
import { v } from "convex/values";
import type { MutationCtx } from "../_generated/server";
import type { Doc, Id } from "../_generated/dataModel";
import { getMembership } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { orgAdminMutation } from "../lib/functions";
import { ENGAGEMENT_LIMITS, engagementLevelValidator } from "../lib/vocabulary";
import { RULES_VERSION, scoreByRules } from "./rules";
import { startRun } from "./runs";
import { readSignals } from "./signals";
import { ensureOrgStats, getScore, moveLevel } from "./store";
import { onEngagementChanged } from "../crm/directoryHooks";

/** The member's score row; an unscored member is scored by the rules first. */
async function scoreRowFor(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
  now: number,
): Promise<Doc<"engagementScores">> {
  const membership = await getMembership(ctx, orgId, userId);
  if (membership === null) throw appError("NOT_FOUND", "This person is not a member of the organization.");
  const existing = await getScore(ctx, orgId, userId);
  if (existing !== null) return existing;
  const stats = await ensureOrgStats(ctx, orgId, now);
  const signals = await readSignals(
    ctx,
    membership,
    { totalOrgEvents: stats.totalOrgEvents ?? 0, recentEventIds: stats.recentEventIds ?? [] },
    now,
  );
  const rule = scoreByRules(signals, now);
  const id = await ctx.db.insert("engagementScores", {
    orgId,
    userId,
    score: rule.score,
    level: rule.level,
    computedAt: now,
    modelVersion: RULES_VERSION,
    signals,
    explanation: rule.explanation,
    source: "rules",
    ruleScore: rule.score,
    ruleLevel: rule.level,
    effectiveLevel: rule.level,
    effectiveSource: "rules",
  });
  await moveLevel(ctx, orgId, undefined, rule.level, now);
  await onEngagementChanged(ctx, orgId, userId);
  return (await ctx.db.get("engagementScores", id))!;
}

export const setOverride = orgAdminMutation({
  args: { userId: v.id("users"), level: engagementLevelValidator, reason: v.string() },
  returns: v.null(),
  handler: async (ctx, { userId, level, reason }) => {
    const text = reason.trim();
    if (text === "") throw invalidArgument("reason", "Say why you are setting this level.");
    if (text.length > ENGAGEMENT_LIMITS.overrideReason) {
      throw invalidArgument("reason", `Keep the reason under ${ENGAGEMENT_LIMITS.overrideReason} characters.`);
    }
    const now = Date.now();
    const row = await scoreRowFor(ctx, ctx.org._id, userId, now);
    await ctx.db.patch("engagementScores", row._id, {
      overrideLevel: level,
      overrideReason: text,
      overrideBy: ctx.user._id,
      overrideAt: now,
      effectiveLevel: level,
      effectiveSource: "override",
    });
    await moveLevel(ctx, ctx.org._id, row.effectiveLevel ?? row.overrideLevel ?? row.level, level, now);
    await onEngagementChanged(ctx, ctx.org._id, userId);
    await ctx.db.insert("engagementHistory", {
      orgId: ctx.org._id,
      userId,
      at: now,
      kind: "override",
      level,
      score: row.score,
      source: "override",
      reason: text,
      by: ctx.user._id,
    });
    return null;
  },
});

export const clearOverride = orgAdminMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    const row = await getScore(ctx, ctx.org._id, userId);
    if (row === null || row.overrideLevel === undefined) return null;
    const now = Date.now();
    await ctx.db.patch("engagementScores", row._id, {
      overrideLevel: undefined,
      overrideReason: undefined,
      overrideBy: undefined,
      overrideAt: undefined,
      effectiveLevel: row.level,
      effectiveSource: row.source ?? "rules",
    });
    await moveLevel(ctx, ctx.org._id, row.effectiveLevel ?? row.overrideLevel, row.level, now);
    await onEngagementChanged(ctx, ctx.org._id, userId);
    await ctx.db.insert("engagementHistory", {
      orgId: ctx.org._id,
      userId,
      at: now,
      kind: "override_cleared",
      level: row.level,
      score: row.score,
      source: row.source ?? "rules",
      by: ctx.user._id,
    });
    return null;
  },
});

/** "Recompute now": starts a run (the model directly, through the workpool), or returns the one under way. */
export const recomputeNow = orgAdminMutation({
  args: {},
  returns: v.object({ runId: v.id("engagementRuns"), started: v.boolean() }),
  handler: async (ctx) => startRun(ctx, ctx.org._id, "manual", ctx.user._id, Date.now()),
});

export const setBudget = orgAdminMutation({
  args: { monthlyBudgetUsd: v.number() },
  returns: v.null(),
  handler: async (ctx, { monthlyBudgetUsd }) => {
    if (
      !Number.isFinite(monthlyBudgetUsd) ||
      monthlyBudgetUsd < 0 ||
      monthlyBudgetUsd > ENGAGEMENT_LIMITS.maxMonthlyBudgetUsd
    ) {
      throw invalidArgument(
        "monthlyBudgetUsd",
        `Choose a budget between $0 and $${ENGAGEMENT_LIMITS.maxMonthlyBudgetUsd}.`,
      );
    }
    const stats = await ensureOrgStats(ctx, ctx.org._id, Date.now());
    await ctx.db.patch("engagementOrgStats", stats._id, { monthlyBudgetUsd: Math.round(monthlyBudgetUsd * 100) / 100 });
    return null;
  },
});
