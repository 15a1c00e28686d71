import { doc } from "convex-helpers/validators";
import { v } from "convex/values";
import { internalQuery } from "../_generated/server";
import { publicQuery } from "../lib/functions";
import schema from "../schema";

/** The signed-in user's own account, or null when signed out. Public by design. */
export const viewer = publicQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({ _id: v.id("users"), name: v.string(), email: v.string() }),
  ),
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
