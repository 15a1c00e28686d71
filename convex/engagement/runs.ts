// Scoring runs. A run pages the org's members through internal mutations (50 per transaction):
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
import { Workpool, vOnCompleteArgs } from "@convex-dev/workpool";
import { v } from "convex/values";
import { components, internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type MutationCtx } from "../_generated/server";
import { appError } from "../lib/errors";
import { ENGAGEMENT_LIMITS, type EngagementRulesReason } from "../lib/vocabulary";
import { engagementSignalsValidator } from "../schema";
import {
  anthropicClient,
  describeError,
  hasApiKey,
  isRetryable,
  NO_USAGE,
  scoreChunk,
  usageOf,
  type ChunkOutcome,
  type Usage,
} from "./llm";
import { buildRequest, memberView, MODEL_ID, refFor, validateResponse, type MemberView } from "./model";
import { RULES_VERSION, scoreByRules } from "./rules";
import { completeSignals, isPastEvent, readSignals, signalsHash } from "./signals";
import { ensureOrgStats, getOrgStats, getScore, monthKey, spentThisMonth, writeComputedScore } from "./store";

export const MEMBERS_PER_PAGE = 50;
const EVENTS_PER_PAGE = 500;
const BATCH_CHUNKS_PER_READ = 100;
/** A results pass stops after this long and continues in a fresh action. */
const RESULTS_SLICE_MS = 4 * 60 * 1000;
const POLL_FIRST_MS = 60 * 1000;
const POLL_MAX_MS = 10 * 60 * 1000;
/** Batches end within 24 h; past this the run gives up on it. */
const BATCH_GIVE_UP_MS = 25 * 60 * 60 * 1000;
/** A run older than this that has not finished is taken as stuck. */
const STALE_RUN_MS = 26 * 60 * 60 * 1000;

export const engagementPool = new Workpool(components.engagementWorkpool, {
  maxParallelism: 4,
  logLevel: "WARN",
  retryActionsByDefault: true,
  defaultRetryBehavior: { maxAttempts: 4, initialBackoffMs: 2000, base: 2 },
});

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
  await ctx.scheduler.runAfter(0, internal.engagement.runs.countEvents, { runId, cursor: null });
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

/** Counts the org's past events and finds the last 10, one page of events per transaction. */
export const countEvents = internalMutation({
  args: { runId: v.id("engagementRuns"), cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { runId, cursor }) => {
    const run = await ctx.db.get("engagementRuns", runId);
    if (run === null || run.status !== "running") return null;
    const now = run.startedAt;
    const page = await ctx.db
      .query("events")
      .withIndex("by_org_start", (q) => q.eq("orgId", run.orgId).lte("startTime", now))
      .order("desc")
      .paginate({ numItems: EVENTS_PER_PAGE, cursor });
    const past = page.page.filter((e) => isPastEvent(e, now));
    const recentEventIds = [...run.recentEventIds, ...past.map((e) => e._id)].slice(0, ENGAGEMENT_LIMITS.recentEvents);
    const totalOrgEvents = run.totalOrgEvents + past.length;
    await ctx.db.patch("engagementRuns", runId, { totalOrgEvents, recentEventIds });
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.engagement.runs.countEvents, { runId, cursor: page.continueCursor });
    } else {
      const stats = await ensureOrgStats(ctx, run.orgId, now);
      await ctx.db.patch("engagementOrgStats", stats._id, { totalOrgEvents, recentEventIds });
      await ctx.scheduler.runAfter(0, internal.engagement.runs.scorePage, { runId });
    }
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
          internal.engagement.runs.scoreChunkDirect,
          { chunkId },
          {
            onComplete: internal.engagement.runs.chunkFinished,
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
      await ctx.scheduler.runAfter(0, internal.engagement.runs.submitBatch, { runId });
    } else {
      await maybeFinish(ctx, runId);
    }
    return null;
  },
});

async function maybeFinish(ctx: MutationCtx, runId: Id<"engagementRuns">) {
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

// ---- Chunks ----

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

function viewsOf(
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

async function applyChunkResult(
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

function allFailed(members: { ref: string }[], reason: string): ChunkOutcome {
  return { verdicts: [], failed: members.map((m) => ({ ref: m.ref, reason })), usage: NO_USAGE };
}

/** "Recompute now": one chunk, called directly. Retryable errors are thrown for the workpool. */
export const scoreChunkDirect = internalAction({
  args: { chunkId: v.id("engagementChunks") },
  returns: v.null(),
  handler: async (ctx, { chunkId }) => {
    const chunk = await ctx.runQuery(internal.engagement.runs.getChunk, { chunkId });
    if (chunk === null) return null;
    const views = viewsOf(chunk.members, chunk.startedAt);
    if (chunk.overBudget) {
      // The budget ran out during the run: the rest of it uses the rules.
      await ctx.runMutation(internal.engagement.runs.applyChunk, {
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
    await ctx.runMutation(internal.engagement.runs.applyChunk, { chunkId, ...outcome });
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

// ---- The Message Batches API (the weekly run) ----

export const pendingChunks = internalQuery({
  args: { runId: v.id("engagementRuns"), cursor: v.union(v.string(), v.null()) },
  returns: v.object({
    chunks: v.array(
      v.object({
        chunkId: v.id("engagementChunks"),
        customId: v.string(),
        members: v.array(v.object({ ref: v.string(), signals: engagementSignalsValidator })),
      }),
    ),
    cursor: v.string(),
    isDone: v.boolean(),
    startedAt: v.number(),
    batchId: v.union(v.string(), v.null()),
  }),
  handler: async (ctx, { runId, cursor }) => {
    const run = await ctx.db.get("engagementRuns", runId);
    const page = await ctx.db
      .query("engagementChunks")
      .withIndex("by_run_status", (q) => q.eq("runId", runId).eq("status", "pending"))
      .paginate({ numItems: BATCH_CHUNKS_PER_READ, cursor });
    return {
      chunks: page.page.map((c) => ({
        chunkId: c._id,
        customId: c.customId,
        members: c.members.map((m) => ({ ref: m.ref, signals: m.signals })),
      })),
      cursor: page.continueCursor,
      isDone: page.isDone,
      startedAt: run?.startedAt ?? 0,
      batchId: run?.batchId ?? null,
    };
  },
});

export const chunkByCustomId = internalQuery({
  args: { runId: v.id("engagementRuns"), customId: v.string() },
  returns: v.union(
    v.null(),
    v.object({
      chunkId: v.id("engagementChunks"),
      members: v.array(v.object({ ref: v.string(), signals: engagementSignalsValidator })),
    }),
  ),
  handler: async (ctx, { runId, customId }) => {
    const chunk = await ctx.db
      .query("engagementChunks")
      .withIndex("by_run_custom", (q) => q.eq("runId", runId).eq("customId", customId))
      .unique();
    if (chunk === null || chunk.status === "done") return null;
    return { chunkId: chunk._id, members: chunk.members.map((m) => ({ ref: m.ref, signals: m.signals })) };
  },
});

export const recordBatch = internalMutation({
  args: { runId: v.id("engagementRuns"), batchId: v.string() },
  returns: v.null(),
  handler: async (ctx, { runId, batchId }) => {
    await ctx.db.patch("engagementRuns", runId, { batchId, status: "waiting_for_batch" });
    await ctx.scheduler.runAfter(POLL_FIRST_MS, internal.engagement.runs.pollBatch, { runId, attempt: 0 });
    return null;
  },
});

/** Every chunk still pending falls back to the rules (a batch that failed or never came back). */
export const fallBackPending = internalMutation({
  args: { runId: v.id("engagementRuns"), reason: v.string() },
  returns: v.null(),
  handler: async (ctx, { runId, reason }) => {
    const chunks = await ctx.db
      .query("engagementChunks")
      .withIndex("by_run_status", (q) => q.eq("runId", runId).eq("status", "pending"))
      .take(10);
    for (const chunk of chunks) await applyChunkResult(ctx, chunk._id, allFailed(chunk.members, reason));
    if (chunks.length === 10)
      await ctx.scheduler.runAfter(0, internal.engagement.runs.fallBackPending, { runId, reason });
    return null;
  },
});

/** Submits every pending chunk of the run as one batch (requests matched later by custom_id). */
export const submitBatch = internalAction({
  args: { runId: v.id("engagementRuns") },
  returns: v.null(),
  handler: async (ctx, { runId }) => {
    const requests: { custom_id: string; params: ReturnType<typeof buildRequest> }[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: {
        chunks: {
          customId: string;
          members: { ref: string; signals: Doc<"engagementChunks">["members"][number]["signals"] }[];
        }[];
        cursor: string;
        isDone: boolean;
        startedAt: number;
      } = await ctx.runQuery(internal.engagement.runs.pendingChunks, { runId, cursor });
      for (const chunk of page.chunks) {
        requests.push({ custom_id: chunk.customId, params: buildRequest(viewsOf(chunk.members, page.startedAt)) });
      }
      if (page.isDone) break;
      cursor = page.cursor;
    }
    if (requests.length === 0) return null;
    try {
      const batch = await anthropicClient().messages.batches.create({ requests });
      await ctx.runMutation(internal.engagement.runs.recordBatch, { runId, batchId: batch.id });
    } catch (error) {
      await ctx.runMutation(internal.engagement.runs.fallBackPending, {
        runId,
        reason: `the batch could not be submitted: ${describeError(error)}`,
      });
    }
    return null;
  },
});

/** Polls the batch until it ends, then applies its results (in slices, each a fresh action). */
export const pollBatch = internalAction({
  args: { runId: v.id("engagementRuns"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { runId, attempt }) => {
    const head = await ctx.runQuery(internal.engagement.runs.pendingChunks, { runId, cursor: null });
    if (head.batchId === null || head.chunks.length === 0) return null;
    const client = anthropicClient();
    let batch;
    try {
      batch = await client.messages.batches.retrieve(head.batchId);
    } catch (error) {
      if (!isRetryable(error) && !(Date.now() - head.startedAt > BATCH_GIVE_UP_MS)) {
        await ctx.runMutation(internal.engagement.runs.fallBackPending, {
          runId,
          reason: `the batch could not be read: ${describeError(error)}`,
        });
        return null;
      }
      batch = null;
    }
    if (batch === null || batch.processing_status !== "ended") {
      if (Date.now() - head.startedAt > BATCH_GIVE_UP_MS) {
        await ctx.runMutation(internal.engagement.runs.fallBackPending, {
          runId,
          reason: "the batch did not end in time",
        });
        return null;
      }
      const delay = Math.min(POLL_MAX_MS, POLL_FIRST_MS * 2 ** attempt);
      await ctx.scheduler.runAfter(delay, internal.engagement.runs.pollBatch, { runId, attempt: attempt + 1 });
      return null;
    }
    const started = Date.now();
    for await (const result of await client.messages.batches.results(head.batchId)) {
      if (Date.now() - started > RESULTS_SLICE_MS) {
        await ctx.scheduler.runAfter(0, internal.engagement.runs.pollBatch, { runId, attempt });
        return null;
      }
      const chunk = await ctx.runQuery(internal.engagement.runs.chunkByCustomId, { runId, customId: result.custom_id });
      if (chunk === null) continue; // applied in an earlier slice, or not ours
      const views = viewsOf(chunk.members, head.startedAt);
      let outcome: ChunkOutcome;
      if (result.result.type === "succeeded") {
        const message = result.result.message;
        const first = { validation: validateResponse(message.content, views), usage: usageOf(message, true) };
        try {
          outcome = await scoreChunk(client, views, first); // only a failed part is asked again
        } catch (error) {
          const failedRefs = new Set(first.validation.invalid.map((i) => i.ref));
          outcome = {
            verdicts: first.validation.valid,
            failed: views
              .filter((x) => failedRefs.has(x.ref))
              .map((x) => ({ ref: x.ref, reason: `the retry failed: ${describeError(error)}` })),
            usage: first.usage,
          };
        }
      } else {
        const reason =
          result.result.type === "errored"
            ? `the batch request errored: ${result.result.error.error.type}`
            : `the batch request was ${result.result.type}`;
        outcome = allFailed(views, reason);
      }
      await ctx.runMutation(internal.engagement.runs.applyChunk, { chunkId: chunk.chunkId, ...outcome });
    }
    // Anything the batch did not answer falls back.
    await ctx.runMutation(internal.engagement.runs.fallBackPending, { runId, reason: "no result in the batch" });
    return null;
  },
});
