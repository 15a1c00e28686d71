import { v } from "convex/values";
import { mutation } from "../_generated/server";
import { requireUser } from "../lib/access";
import { LIMITS, requireText } from "../lib/validation";

/** Changes the caller's display name. */
export const updateName = mutation({
  args: { name: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const user = await requireUser(ctx);
    const name = requireText("name", args.name, LIMITS.name, "name");
    await ctx.db.patch("users", user._id, { name });
    return null;
  },
});
