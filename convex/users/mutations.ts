import { v } from "convex/values";
import { userMutation } from "../lib/functions";
import { requireText } from "../lib/validation";
import { LIMITS } from "../lib/vocabulary";
import { computeCompleteness, getProfileByUser } from "../profiles/model";
import { onProfileChanged } from "../crm/directoryHooks";

/** Changes the caller's display name: the account name and, when there is one, the profile's. */
export const updateName = userMutation({
  args: { name: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { user } = ctx;
    const name = requireText("name", args.name, LIMITS.name, "name");
    await ctx.db.patch("users", user._id, { name });
    const profile = await getProfileByUser(ctx, user._id);
    if (profile !== null) {
      await ctx.db.patch("profiles", profile._id, {
        name,
        completeness: computeCompleteness({ ...profile, name }),
        updatedAt: Date.now(),
      });
    }
    await onProfileChanged(ctx, user._id);
    return null;
  },
});
