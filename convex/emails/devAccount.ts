import { v } from "convex/values";
import { appError } from "../lib/errors";
import { env } from "../lib/env";
import { publicQuery } from "../lib/functions";
import { normalizeEmail } from "../lib/validation";

/**
 * The dev mailbox for someone signed out (a forgotten password): the account emails (reset
 * codes) recorded for an address, newest first. Only on the local backend, where every email
 * is recorded rather than sent; FORBIDDEN anywhere else.
 */
export const devAccountEmails = publicQuery({
  args: { email: v.string() },
  returns: v.array(v.object({ _id: v.id("emails"), subject: v.string(), text: v.string(), createdAt: v.number() })),
  handler: async (ctx, args) => {
    if (!env.isLocalBackend()) {
      throw appError("FORBIDDEN", "The dev mailbox is only available on the local backend.");
    }
    const email = normalizeEmail("email", args.email);
    const user = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", email))
      .first();
    if (user === null) return [];
    const rows = await ctx.db
      .query("emails")
      .withIndex("by_user_created", (q) => q.eq("userId", user._id))
      .order("desc")
      .take(20);
    return rows
      .filter((e) => e.kind === "account")
      .slice(0, 5)
      .map((e) => ({ _id: e._id, subject: e.subject, text: e.text, createdAt: e.createdAt }));
  },
});
