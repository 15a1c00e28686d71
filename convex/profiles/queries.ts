import { v } from "convex/values";
import { userQuery } from "../lib/functions";
import { getProfileByUser, myProfileValidator, toMyProfile } from "./model";

/** The caller's own profile, or null before they have saved one. */
export const getMyProfile = userQuery({
  args: {},
  returns: v.union(v.null(), myProfileValidator),
  handler: async (ctx) => {
    const { user } = ctx;
    const profile = await getProfileByUser(ctx, user._id);
    return profile === null ? null : toMyProfile(profile, user);
  },
});
