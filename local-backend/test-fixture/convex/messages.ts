// A tiny app used to test the local backend itself: live queries, auth, scheduling, crons.
import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import { action, internalMutation, mutation, query } from "./_generated/server";

const addRef = makeFunctionReference<"mutation">("messages:add");

export const list = query({
  args: {},
  handler: async (ctx) => (await ctx.db.query("messages").collect()).map((m) => m.body),
});

export const whoAmI = query({
  args: {},
  handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null,
});

export const send = mutation({
  args: { body: v.string() },
  handler: async (ctx, { body }) => {
    const identity = await ctx.auth.getUserIdentity();
    await ctx.db.insert("messages", { body, author: identity?.subject });
  },
});

export const sendLater = mutation({
  args: { body: v.string(), delayMs: v.number() },
  handler: async (ctx, { body, delayMs }) => {
    await ctx.scheduler.runAfter(delayMs, addRef, { body });
  },
});

export const add = internalMutation({
  args: { body: v.string() },
  handler: async (ctx, { body }) => {
    await ctx.db.insert("messages", { body });
  },
});

export const shout = action({
  args: { body: v.string() },
  handler: async (ctx, { body }) => {
    await ctx.runMutation(addRef, { body: body.toUpperCase() });
    return body.length;
  },
});

export const fail = mutation({
  args: {},
  handler: async () => {
    throw new Error("boom");
  },
});
