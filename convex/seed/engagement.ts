// Demo engagement: a finished rule-based run per org (scores with explanations for every demo
// member, from the same signals and scorer a real run uses), and an override or two with reasons.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { hasApiKey } from "../engagement/llm";
import { RULES_VERSION, scoreByRules } from "../engagement/rules";
import { advancePastEvents, recentPastEvents } from "../engagement/eventCounter";
import { readSignals, signalsHash } from "../engagement/signals";
import { ensureOrgStats, getScore, moveLevel, writeComputedScore } from "../engagement/store";
import type { EngagementLevel } from "../lib/vocabulary";
import { onEngagementChanged } from "../crm/directoryHooks";

/** Demo orgs are small: their members fit one transaction. */
const DEMO_MAX = 500;

export async function seedEngagement(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  adminId: Id<"users">,
  overrides: { userId: Id<"users">; level: EngagementLevel; reason: string }[],
  now: number,
) {
  // The org's past-event counter, backfilled the way a first run does it (demo events are
  // inserted directly, without the event hooks).
  let counter = { done: false, totalOrgEvents: 0 };
  while (!counter.done) counter = await advancePastEvents(ctx, orgId, now);
  const context = {
    totalOrgEvents: counter.totalOrgEvents,
    recentEventIds: await recentPastEvents(ctx, orgId, now),
  };
  const memberships = await ctx.db
    .query("orgMemberships")
    .withIndex("by_org", (q) => q.eq("orgId", orgId))
    .take(DEMO_MAX);
  const started = now - 5 * 60 * 1000;
  const runId = await ctx.db.insert("engagementRuns", {
    orgId,
    trigger: "manual",
    requestedBy: adminId,
    mode: "rules",
    rulesReason: hasApiKey() ? undefined : "no_api_key",
    status: "completed",
    startedAt: started,
    finishedAt: started + 4000,
    cursor: null,
    pagingDone: true,
    ...context,
    membersTotal: memberships.length,
    membersDone: memberships.length,
    sentToModel: 0,
    carriedOver: 0,
    fallbacks: 0,
    chunksTotal: 0,
    chunksDone: 0,
    llmRequests: 0,
    inputTokens: 0,
    outputTokens: 0,
    estimatedCostUsd: 0,
  });
  for (const membership of memberships) {
    const signals = await readSignals(ctx, membership, context, now);
    const rule = scoreByRules(signals, now);
    await writeComputedScore(ctx, {
      orgId,
      userId: membership.userId,
      signals,
      signalsHash: signalsHash(signals),
      computed: {
        score: rule.score,
        level: rule.level,
        explanation: rule.explanation,
        source: "rules",
        modelVersion: RULES_VERSION,
      },
      rule,
      runId,
      now: started,
    });
  }
  const stats = await ensureOrgStats(ctx, orgId, now);
  await ctx.db.patch("engagementOrgStats", stats._id, { lastRunId: runId, recentEventIds: context.recentEventIds });
  for (const { userId, level, reason } of overrides) {
    const row = await getScore(ctx, orgId, userId);
    if (row === null) continue;
    await ctx.db.patch("engagementScores", row._id, {
      overrideLevel: level,
      overrideReason: reason,
      overrideBy: adminId,
      overrideAt: now,
      effectiveLevel: level,
      effectiveSource: "override",
    });
    await moveLevel(ctx, orgId, row.effectiveLevel, level, now);
    await onEngagementChanged(ctx, orgId, userId);
    await ctx.db.insert("engagementHistory", {
      orgId,
      userId,
      at: now,
      kind: "override",
      level,
      score: row.score,
      source: "override",
      reason,
      by: adminId,
    });
  }
}
