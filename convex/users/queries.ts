import { v } from "convex/values";
import { internalQuery, query } from "../_generated/server";
import { getUserId } from "../lib/access";

/** The signed-in user's own account, or null when signed out. Public by design. */
export const viewer = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({ _id: v.id("users"), name: v.string(), email: v.string() }),
  ),
  handler: async (ctx) => {
    const userId = await getUserId(ctx);
    if (userId === null) return null;
    const user = await ctx.db.get("users", userId);
    if (user === null) return null;
    return { _id: user._id, name: user.name ?? "", email: user.email ?? "" };
  },
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
