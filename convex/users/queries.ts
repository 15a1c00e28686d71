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
