// A chunk's answers land in the scores and in the run record (tokens, cost, fallbacks), and the
// run finishes once its last chunk is in. Shared by the direct and the batch paths.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { NO_USAGE, type ChunkOutcome, type Usage } from "./llm";
import { memberView, MODEL_ID, type MemberView } from "./model";
import { RULES_VERSION, scoreByRules } from "./rules";
import { completeSignals } from "./signals";
import { ensureOrgStats, monthKey, spentThisMonth, writeComputedScore } from "./store";

export async function maybeFinish(ctx: MutationCtx, runId: Id<"engagementRuns">) {
  const run = await ctx.db.get("engagementRuns", runId);
  if (run === null || run.status === "completed" || run.status === "failed") return;
  if (!run.pagingDone || run.chunksDone < run.chunksTotal) return;
  const now = Date.now();
  await ctx.db.patch("engagementRuns", runId, { status: "completed", finishedAt: now });
  const stats = await ensureOrgStats(ctx, run.orgId, now);
  const month = monthKey(now);
  await ctx.db.patch("engagementOrgStats", stats._id, {
    spendMonth: month,
    spentUsd: spentThisMonth(stats, now) + run.estimatedCostUsd,
    activeRunId: stats.activeRunId === runId ? undefined : stats.activeRunId,
    lastRunId: runId,
  });
}

const verdictValidator = v.object({
  ref: v.string(),
  level: v.string(),
  score: v.number(),
  explanation: v.string(),
});
const usageValidator = v.object({
  requests: v.number(),
  inputTokens: v.number(),
  outputTokens: v.number(),
  costUsd: v.number(),
});

export function viewsOf(
  members: { ref: string; signals: Doc<"engagementChunks">["members"][number]["signals"] }[],
  now: number,
): MemberView[] {
  return members.map((m) => {
    const signals = completeSignals(m.signals);
    return memberView(m.ref, signals, scoreByRules(signals, now).score, now);
  });
}

/** Applies a chunk's answers (model verdicts; the rules for the failed). Idempotent. */
export const applyChunk = internalMutation({
  args: {
    chunkId: v.id("engagementChunks"),
    verdicts: v.array(verdictValidator),
    failed: v.array(v.object({ ref: v.string(), reason: v.string() })),
    usage: usageValidator,
  },
  returns: v.null(),
  handler: async (ctx, args) => applyChunkResult(ctx, args.chunkId, args),
});

export async function applyChunkResult(
  ctx: MutationCtx,
  chunkId: Id<"engagementChunks">,
  outcome: {
    verdicts: { ref: string; level: string; score: number; explanation: string }[];
    failed: { ref: string; reason: string }[];
    usage: Usage;
  },
) {
  const chunk = await ctx.db.get("engagementChunks", chunkId);
  if (chunk === null || chunk.status === "done") return null;
  const run = await ctx.db.get("engagementRuns", chunk.runId);
  if (run === null) return null;
  const now = run.startedAt;
  const verdicts = new Map(outcome.verdicts.map((x) => [x.ref, x]));
  const reasons = new Map(outcome.failed.map((x) => [x.ref, x.reason]));
  let fallbacks = 0;
  for (const member of chunk.members) {
    const signals = completeSignals(member.signals);
    const rule = scoreByRules(signals, now);
    const verdict = verdicts.get(member.ref);
    const base = {
      orgId: chunk.orgId,
      userId: member.userId,
      signals,
      signalsHash: member.signalsHash,
      rule,
      runId: run._id,
      now,
    };
    // The member may have left while the model was thinking.
    const membership = await ctx.db
      .query("orgMemberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", chunk.orgId).eq("userId", member.userId))
      .unique();
    if (membership === null) continue;
    if (verdict !== undefined) {
      await writeComputedScore(ctx, {
        ...base,
        computed: {
          score: verdict.score,
          level: verdict.level as Doc<"engagementScores">["level"],
          explanation: verdict.explanation,
          source: "model",
          modelVersion: MODEL_ID,
        },
      });
    } else {
      fallbacks += 1;
      await writeComputedScore(ctx, {
        ...base,
        computed: {
          score: rule.score,
          level: rule.level,
          explanation: rule.explanation,
          source: "rules",
          fallbackReason: reasons.get(member.ref) ?? "no answer from the model",
          modelVersion: RULES_VERSION,
        },
      });
    }
  }
  await ctx.db.patch("engagementChunks", chunkId, { status: "done", members: [] });
  await ctx.db.patch("engagementRuns", run._id, {
    membersDone: run.membersDone + chunk.members.length,
    fallbacks: run.fallbacks + fallbacks,
    chunksDone: run.chunksDone + 1,
    llmRequests: run.llmRequests + outcome.usage.requests,
    inputTokens: run.inputTokens + outcome.usage.inputTokens,
    outputTokens: run.outputTokens + outcome.usage.outputTokens,
    estimatedCostUsd: run.estimatedCostUsd + outcome.usage.costUsd,
  });
  await maybeFinish(ctx, run._id);
  return null;
}

export function allFailed(members: { ref: string }[], reason: string): ChunkOutcome {
  return { verdicts: [], failed: members.map((m) => ({ ref: m.ref, reason })), usage: NO_USAGE };
}
