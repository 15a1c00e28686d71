// The weekly run through the Message Batches API (half price): once every member is read, all
// chunks go in one batch; a scheduled action polls until it ends and applies the results by
// custom_id in bounded slices (errored or expired requests fall back to the rules).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { engagementSignalsValidator } from "../schema";
import { allFailed, applyChunkResult, viewsOf } from "./chunks";
import { anthropicClient, describeError, isRetryable, scoreChunk, usageOf, type ChunkOutcome } from "./llm";
import { buildRequest, validateResponse } from "./model";

const BATCH_CHUNKS_PER_READ = 100;
/** A results pass stops after this long and continues in a fresh action. */
const RESULTS_SLICE_MS = 4 * 60 * 1000;
const POLL_FIRST_MS = 60 * 1000;
const POLL_MAX_MS = 10 * 60 * 1000;
/** Batches end within 24 h; past this the run gives up on it. */
const BATCH_GIVE_UP_MS = 25 * 60 * 60 * 1000;

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
    await ctx.scheduler.runAfter(POLL_FIRST_MS, internal.engagement.batch.pollBatch, { runId, attempt: 0 });
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
      await ctx.scheduler.runAfter(0, internal.engagement.batch.fallBackPending, { runId, reason });
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
      } = await ctx.runQuery(internal.engagement.batch.pendingChunks, { runId, cursor });
      for (const chunk of page.chunks) {
        requests.push({ custom_id: chunk.customId, params: buildRequest(viewsOf(chunk.members, page.startedAt)) });
      }
      if (page.isDone) break;
      cursor = page.cursor;
    }
    if (requests.length === 0) return null;
    try {
      const batch = await anthropicClient().messages.batches.create({ requests });
      await ctx.runMutation(internal.engagement.batch.recordBatch, { runId, batchId: batch.id });
    } catch (error) {
      await ctx.runMutation(internal.engagement.batch.fallBackPending, {
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
    const head = await ctx.runQuery(internal.engagement.batch.pendingChunks, { runId, cursor: null });
    if (head.batchId === null || head.chunks.length === 0) return null;
    const client = anthropicClient();
    let batch;
    try {
      batch = await client.messages.batches.retrieve(head.batchId);
    } catch (error) {
      if (!isRetryable(error) && !(Date.now() - head.startedAt > BATCH_GIVE_UP_MS)) {
        await ctx.runMutation(internal.engagement.batch.fallBackPending, {
          runId,
          reason: `the batch could not be read: ${describeError(error)}`,
        });
        return null;
      }
      batch = null;
    }
    if (batch === null || batch.processing_status !== "ended") {
      if (Date.now() - head.startedAt > BATCH_GIVE_UP_MS) {
        await ctx.runMutation(internal.engagement.batch.fallBackPending, {
          runId,
          reason: "the batch did not end in time",
        });
        return null;
      }
      const delay = Math.min(POLL_MAX_MS, POLL_FIRST_MS * 2 ** attempt);
      await ctx.scheduler.runAfter(delay, internal.engagement.batch.pollBatch, { runId, attempt: attempt + 1 });
      return null;
    }
    const started = Date.now();
    for await (const result of await client.messages.batches.results(head.batchId)) {
      if (Date.now() - started > RESULTS_SLICE_MS) {
        await ctx.scheduler.runAfter(0, internal.engagement.batch.pollBatch, { runId, attempt });
        return null;
      }
      const chunk = await ctx.runQuery(internal.engagement.batch.chunkByCustomId, {
        runId,
        customId: result.custom_id,
      });
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
      await ctx.runMutation(internal.engagement.chunks.applyChunk, { chunkId: chunk.chunkId, ...outcome });
    }
    // Anything the batch did not answer falls back.
    await ctx.runMutation(internal.engagement.batch.fallBackPending, { runId, reason: "no result in the batch" });
    return null;
  },
});
