// Scoring runs: starting and paging (direct.ts, batch.ts and chunks.ts hold the model's side).
// A run pages the org's members through internal mutations (50 per transaction):
// each member's signals are read from counters, the rules score everyone, unchanged members
// keep their model score (carried over), and the changed ones are queued in chunks of 25 for
// the model:
// - "Recompute now" (model_direct): each chunk is an action in the engagement workpool (bounded
//   parallelism; retried with backoff on 429, 5xx, 529 and timeouts; a 400 is not retried and
//   falls back to the rules);
// - the weekly cron (model_batch): once every member is read, all chunks go to the Message
//   Batches API in one batch (half price); a scheduled action polls until it ends and applies
//   the results by custom_id (errored or expired requests fall back to the rules);
// - without ANTHROPIC_API_KEY, or past the org's monthly budget (rules): the rules score all; a
//   direct run that reaches the budget midway scores its remaining chunks by the rules.
// No transaction or action does work proportional to the org: every step is a page, a chunk or
// a bounded slice of batch results, and each schedules the next.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { appError } from "../lib/errors";
import { ENGAGEMENT_LIMITS, type EngagementRulesReason } from "../lib/vocabulary";
import { maybeFinish } from "./chunks";
import { engagementPool } from "./direct";
import { hasApiKey } from "./llm";
import { refFor } from "./model";
import { RULES_VERSION, scoreByRules } from "./rules";
import { advancePastEvents, recentPastEvents } from "./eventCounter";
import { readSignals, signalsHash } from "./signals";
import { ensureOrgStats, getScore, spentThisMonth, writeComputedScore } from "./store";

export const MEMBERS_PER_PAGE = 50;
/** A run older than this that has not finished is taken as stuck. */
const STALE_RUN_MS = 26 * 60 * 60 * 1000;

// ---- Starting ----

/**
 * Starts a run for one org, or returns the one under way. Without an API key or past the
 * month's budget the run uses the rules, and says why.
 */
export async function startRun(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  trigger: "cron" | "manual",
  requestedBy: Id<"users"> | undefined,
  now: number,
): Promise<{ runId: Id<"engagementRuns">; started: boolean }> {
  const org = await ctx.db.get("organizations", orgId);
  if (org === null) throw appError("NOT_FOUND", "This organization does not exist.");
  const stats = await ensureOrgStats(ctx, orgId, now);
  if (stats.activeRunId !== undefined) {
    const active = await ctx.db.get("engagementRuns", stats.activeRunId);
    if (active !== null && (active.status === "running" || active.status === "waiting_for_batch")) {
      // A run still going after the batch window is stuck (a step that failed): replace it.
      if (now - active.startedAt < STALE_RUN_MS) return { runId: active._id, started: false };
      await ctx.db.patch("engagementRuns", active._id, {
        status: "failed",
        finishedAt: now,
        error: "the run did not finish",
      });
    }
  }
  let rulesReason: EngagementRulesReason | undefined;
  if (!hasApiKey()) rulesReason = "no_api_key";
  else if (spentThisMonth(stats, now) >= stats.monthlyBudgetUsd) rulesReason = "over_budget";
  const mode = rulesReason !== undefined ? "rules" : trigger === "cron" ? "model_batch" : "model_direct";
  const runId = await ctx.db.insert("engagementRuns", {
    orgId,
    trigger,
    requestedBy,
    mode,
    rulesReason,
    status: "running",
    startedAt: now,
    cursor: null,
    pagingDone: false,
    totalOrgEvents: 0,
    recentEventIds: [],
    membersTotal: org.memberCount,
    membersDone: 0,
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
  await ctx.db.patch("engagementOrgStats", stats._id, { activeRunId: runId });
  await ctx.scheduler.runAfter(0, internal.engagement.runs.countEvents, { runId });
  return { runId, started: true };
}

export const startRunInternal = internalMutation({
  args: { orgId: v.id("organizations"), trigger: v.union(v.literal("cron"), v.literal("manual")) },
  returns: v.id("engagementRuns"),
  handler: async (ctx, { orgId, trigger }) => (await startRun(ctx, orgId, trigger, undefined, Date.now())).runId,
});

/** The weekly cron: starts a batch run for every org with members, 100 orgs per transaction. */
export const weeklyRecompute = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  returns: v.null(),
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db.query("organizations").paginate({ numItems: 100, cursor: cursor ?? null });
    const now = Date.now();
    for (const org of page.page) if (org.memberCount > 0) await startRun(ctx, org._id, "cron", undefined, now);
    if (!page.isDone)
      await ctx.scheduler.runAfter(0, internal.engagement.runs.weeklyRecompute, { cursor: page.continueCursor });
    return null;
  },
});

/**
 * Brings the org's past-event counter up to the run's start (only the events that ended since
 * the last run are read, a page per transaction), then finds the last 10 and starts paging.
 */
export const countEvents = internalMutation({
  args: { runId: v.id("engagementRuns") },
  returns: v.null(),
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get("engagementRuns", runId);
    if (run === null || run.status !== "running") return null;
    const now = run.startedAt;
    const { done, totalOrgEvents } = await advancePastEvents(ctx, run.orgId, now);
    if (!done) {
      await ctx.scheduler.runAfter(0, internal.engagement.runs.countEvents, { runId });
      return null;
    }
    const recentEventIds = await recentPastEvents(ctx, run.orgId, now);
    await ctx.db.patch("engagementRuns", runId, { totalOrgEvents, recentEventIds });
    const stats = await ensureOrgStats(ctx, run.orgId, now);
    await ctx.db.patch("engagementOrgStats", stats._id, { recentEventIds });
    await ctx.scheduler.runAfter(0, internal.engagement.runs.scorePage, { runId });
    return null;
  },
});

// ---- Paging the members ----

/** One page of members: rules for all, carry-overs, and chunks queued for the model. */
export const scorePage = internalMutation({
  args: { runId: v.id("engagementRuns") },
  returns: v.null(),
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get("engagementRuns", runId);
    if (run === null || run.status !== "running" || run.pagingDone) return null;
    const now = run.startedAt;
    const page = await ctx.db
      .query("orgMemberships")
      .withIndex("by_org", (q) => q.eq("orgId", run.orgId))
      .paginate({ numItems: MEMBERS_PER_PAGE, cursor: run.cursor });
    const context = { totalOrgEvents: run.totalOrgEvents, recentEventIds: run.recentEventIds };
    const queued: Doc<"engagementChunks">["members"] = [];
    let done = 0;
    let carried = 0;
    for (const membership of page.page) {
      const signals = await readSignals(ctx, membership, context, now);
      const hash = signalsHash(signals);
      const rule = scoreByRules(signals, now);
      const existing = await getScore(ctx, run.orgId, membership.userId);
      const rules = {
        score: rule.score,
        level: rule.level,
        explanation: rule.explanation,
        source: "rules" as const,
        modelVersion: RULES_VERSION,
      };
      const base = { orgId: run.orgId, userId: membership.userId, signals, signalsHash: hash, rule, runId, now };
      if (run.mode === "rules") {
        await writeComputedScore(ctx, { ...base, computed: rules });
        done += 1;
      } else if (existing !== null && existing.signalsHash === hash && existing.source === "model") {
        // Unchanged since the model scored them: keep the score, refresh the baseline.
        await ctx.db.patch("engagementScores", existing._id, { ruleScore: rule.score, ruleLevel: rule.level, runId });
        carried += 1;
        done += 1;
      } else {
        if (existing === null) await writeComputedScore(ctx, { ...base, computed: rules, provisional: true });
        queued.push({ userId: membership.userId, ref: "", signals, signalsHash: hash });
      }
    }
    // Chunks fill across pages, so a run with few changed members still sends full requests.
    let chunks = 0;
    const sealed: Id<"engagementChunks">[] = [];
    let open = await ctx.db
      .query("engagementChunks")
      .withIndex("by_run_status", (q) => q.eq("runId", runId).eq("status", "filling"))
      .first();
    let rest = queued;
    const size = ENGAGEMENT_LIMITS.membersPerRequest;
    while (rest.length > 0 || (page.isDone && open !== null)) {
      if (open === null) {
        const customId = `c${run.chunksTotal + chunks}`;
        const id = await ctx.db.insert("engagementChunks", {
          runId,
          orgId: run.orgId,
          customId,
          members: [],
          status: "filling",
        });
        open = (await ctx.db.get("engagementChunks", id))!;
        chunks += 1;
      }
      const take = rest.slice(0, size - open.members.length);
      rest = rest.slice(take.length);
      const members = [...open.members, ...take.map((m, j) => ({ ...m, ref: refFor(open!.members.length + j) }))];
      const full = members.length >= size || (page.isDone && rest.length === 0);
      await ctx.db.patch("engagementChunks", open._id, { members, status: full ? "pending" : "filling" });
      if (full) sealed.push(open._id);
      open = full ? null : { ...open, members };
      if (!full) break;
    }
    if (run.mode === "model_direct") {
      for (const chunkId of sealed) {
        await engagementPool.enqueueAction(
          ctx,
          internal.engagement.direct.scoreChunkDirect,
          { chunkId },
          {
            onComplete: internal.engagement.direct.chunkFinished,
            context: { chunkId },
          },
        );
      }
    }
    const patch = {
      cursor: page.continueCursor,
      pagingDone: page.isDone,
      membersDone: run.membersDone + done,
      carriedOver: run.carriedOver + carried,
      sentToModel: run.sentToModel + queued.length,
      chunksTotal: run.chunksTotal + chunks,
    };
    await ctx.db.patch("engagementRuns", runId, patch);
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.engagement.runs.scorePage, { runId });
    } else if (run.mode === "model_batch" && patch.chunksTotal > 0) {
      await ctx.scheduler.runAfter(0, internal.engagement.batch.submitBatch, { runId });
    } else {
      await maybeFinish(ctx, runId);
    }
    return null;
  },
});
