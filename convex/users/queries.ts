import { doc } from "convex-helpers/validators";
import { v } from "convex/values";
import { internalQuery } from "../_generated/server";
import { publicQuery } from "../lib/functions";
import schema from "../schema";

/** The signed-in user's own account, or null when signed out. Public by design. */
export const viewer = publicQuery({
  args: {},
  returns: v.union(v.null(), v.object({ _id: v.id("users"), name: v.string(), email: v.string() })),
  handler: async (ctx) => {
    if (ctx.viewerId === null) return null;
    const user = await ctx.db.get("users", ctx.viewerId);
    if (user === null) return null;
    return { _id: user._id, name: user.name ?? "", email: user.email ?? "" };
  },
});

/** A signed-in caller's account, for userAction (actions cannot read the database). */
export const accountForAction = internalQuery({
  args: { userId: v.id("users") },
  returns: v.union(v.null(), doc(schema, "users")),
  handler: async (ctx, { userId }) => await ctx.db.get("users", userId),
});

/** Whether a password account exists for this (normalized) email. */
export const passwordAccountExists = internalQuery({
  args: { email: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { email }) => {
    const account = await ctx.db
      .query("authAccounts")
      .withIndex("providerAndAccountId", (q) => q.eq("provider", "password").eq("providerAccountId", email))
      .first();
    return account !== null;
  },
});

/**
 * How long (ms) until Convex Auth's lockout for this email's password account lets one more
 * attempt through: its limit refills `maxFailedPerHour` attempts an hour and blocks below one.
 */
export const signInLockoutRemaining = internalQuery({
  args: { email: v.string(), maxFailedPerHour: v.number() },
  returns: v.number(),
  handler: async (ctx, { email, maxFailedPerHour }) => {
    const account = await ctx.db
      .query("authAccounts")
      .withIndex("providerAndAccountId", (q) => q.eq("provider", "password").eq("providerAccountId", email))
      .first();
    if (account === null) return 0;
    const limit = await ctx.db
      .query("authRateLimits")
      .withIndex("identifier", (q) => q.eq("identifier", account._id))
      .unique();
    if (limit === null) return 0;
    const perMs = maxFailedPerHour / (60 * 60 * 1000);
    const left = Math.min(maxFailedPerHour, limit.attemptsLeft + (Date.now() - limit.lastAttemptTime) * perMs);
    return left >= 1 ? 0 : Math.ceil((1 - left) / perMs);
  },
});
