// "Recompute now": every chunk is an action in the engagement workpool (bounded parallelism;
// retried with backoff on 429, 5xx, 529 and timeouts; a 400 is not retried and falls back to
// the rules). A direct run that reaches the budget midway scores its remaining chunks by the rules.
import { Workpool, vOnCompleteArgs } from "@convex-dev/workpool";
import { v } from "convex/values";
import { components, internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { ENGAGEMENT_LIMITS } from "../lib/vocabulary";
import { engagementSignalsValidator } from "../schema";
import { allFailed, applyChunkResult, viewsOf } from "./chunks";
import { anthropicClient, describeError, isRetryable, scoreChunk, type ChunkOutcome } from "./llm";
import { getOrgStats, spentThisMonth } from "./store";

export const engagementPool = new Workpool(components.engagementWorkpool, {
  maxParallelism: 4,
  logLevel: "WARN",
  retryActionsByDefault: true,
  defaultRetryBehavior: { maxAttempts: 4, initialBackoffMs: 2000, base: 2 },
});

export const getChunk = internalQuery({
  args: { chunkId: v.id("engagementChunks") },
  returns: v.union(
    v.null(),
    v.object({
      runId: v.id("engagementRuns"),
      startedAt: v.number(),
      /** This month's spend, this run's included, has reached the budget. */
      overBudget: v.boolean(),
      members: v.array(v.object({ ref: v.string(), signals: engagementSignalsValidator })),
    }),
  ),
  handler: async (ctx, { chunkId }) => {
    const chunk = await ctx.db.get("engagementChunks", chunkId);
    if (chunk === null || chunk.status === "done") return null;
    const run = await ctx.db.get("engagementRuns", chunk.runId);
    if (run === null) return null;
    const stats = await getOrgStats(ctx, run.orgId);
    const budget = stats?.monthlyBudgetUsd ?? ENGAGEMENT_LIMITS.defaultMonthlyBudgetUsd;
    const overBudget = spentThisMonth(stats, Date.now()) + run.estimatedCostUsd >= budget;
    return {
      runId: chunk.runId,
      startedAt: run.startedAt,
      overBudget,
      members: chunk.members.map((m) => ({ ref: m.ref, signals: m.signals })),
    };
  },
});

/** "Recompute now": one chunk, called directly. Retryable errors are thrown for the workpool. */
export const scoreChunkDirect = internalAction({
  args: { chunkId: v.id("engagementChunks") },
  returns: v.null(),
  handler: async (ctx, { chunkId }) => {
    const chunk = await ctx.runQuery(internal.engagement.direct.getChunk, { chunkId });
    if (chunk === null) return null;
    const views = viewsOf(chunk.members, chunk.startedAt);
    if (chunk.overBudget) {
      // The budget ran out during the run: the rest of it uses the rules.
      await ctx.runMutation(internal.engagement.chunks.applyChunk, {
        chunkId,
        ...allFailed(views, "this month's budget was reached during the run"),
      });
      return null;
    }
    let outcome: ChunkOutcome;
    try {
      outcome = await scoreChunk(anthropicClient(), views);
    } catch (error) {
      if (isRetryable(error)) throw error; // the workpool retries with backoff
      outcome = allFailed(views, `the model request failed: ${describeError(error)}`);
    }
    await ctx.runMutation(internal.engagement.chunks.applyChunk, { chunkId, ...outcome });
    return null;
  },
});

/** After the workpool's last attempt: a chunk that never succeeded falls back to the rules. */
export const chunkFinished = internalMutation({
  args: vOnCompleteArgs(v.object({ chunkId: v.id("engagementChunks") })),
  returns: v.null(),
  handler: async (ctx, { context, result }) => {
    if (result.kind === "success") return null;
    const chunk = await ctx.db.get("engagementChunks", context.chunkId);
    if (chunk === null || chunk.status === "done") return null;
    const reason =
      result.kind === "failed"
        ? `the model request failed after retries: ${result.error.slice(0, 200)}`
        : "the model request was canceled";
    return applyChunkResult(ctx, context.chunkId, allFailed(chunk.members, reason));
  },
});
