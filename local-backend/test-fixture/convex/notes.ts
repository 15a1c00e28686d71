// Notes by topic: lets tests see which live queries a commit re-runs, and what becomes of
// scheduled functions a crash interrupts.
import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import { action, internalAction, internalMutation, mutation, query } from "./_generated/server";

const hangRef = makeFunctionReference<"action">("notes:hang");
const addInternalRef = makeFunctionReference<"mutation">("notes:addInternal");

export const byTopic = query({
  args: { topic: v.string() },
  handler: async (ctx, { topic }) =>
    (
      await ctx.db
        .query("notes")
        .withIndex("by_topic", (q) => q.eq("topic", topic))
        .collect()
    ).map((n) => n.text),
});

export const add = mutation({
  args: { topic: v.string(), text: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.insert("notes", args);
  },
});

export const addInternal = internalMutation({
  args: { topic: v.string(), text: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.insert("notes", args);
  },
});

/** Schedules an action that runs for a minute (a crash will catch it mid-run). */
export const startHang = mutation({
  args: {},
  handler: async (ctx) => {
    await ctx.scheduler.runAfter(0, hangRef, {});
  },
});

/** Schedules a note an hour from now. */
export const addLater = mutation({
  args: { topic: v.string(), text: v.string() },
  handler: async (ctx, args) => {
    await ctx.scheduler.runAfter(3_600_000, addInternalRef, args);
  },
});

export const hang = internalAction({
  args: {},
  handler: async () => {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
});

export const jobs = query({
  args: {},
  handler: async (ctx) =>
    (await ctx.db.system.query("_scheduled_functions").collect()).map((job) => ({ name: job.name, state: job.state })),
});

export const echo = action({
  args: { text: v.string() },
  handler: async (_ctx, { text }) => text,
});

/** Every note (a table scan); `salt` only makes distinct subscriptions. */
export const all = query({
  args: { salt: v.number() },
  handler: async (ctx) => (await ctx.db.query("notes").collect()).length,
});

/** Schedules messages:shout, an action that writes through a mutation. */
export const shoutLater = mutation({
  args: { body: v.string() },
  handler: async (ctx, { body }) => {
    await ctx.scheduler.runAfter(0, makeFunctionReference<"action">("messages:shout"), { body });
  },
});
