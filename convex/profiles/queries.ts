import { v } from "convex/values";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { orgAdminQuery, userQuery } from "../lib/functions";
import { locationValidator, privacyValidator } from "../schema";
import { careerStageValidator, orgRoleValidator } from "../lib/vocabulary";
import { getProfileByUser, myProfileValidator, toAdminProfileView, toMyProfile } from "./model";

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

/**
 * A member's profile as an admin of one of their orgs sees it: name, role and completeness
 * always; every other field only if the member shares it (`shared` says which). Completeness
 * counts only the shared fields, so it cannot reveal whether hidden ones are filled in.
 */
export const getMemberProfileForAdmin = orgAdminQuery({
  args: { userId: v.id("users") },
  returns: v.object({
    userId: v.id("users"),
    name: v.string(),
    role: orgRoleValidator,
    joinedAt: v.number(),
    completeness: v.number(),
    headline: v.optional(v.string()),
    location: v.optional(locationValidator),
    skills: v.optional(v.array(v.string())),
    careerStage: v.optional(careerStageValidator),
    email: v.optional(v.string()),
    shared: privacyValidator,
  }),
  handler: async (ctx, { userId }) => {
    const membership = await getMembership(ctx, ctx.org._id, userId);
    if (membership === null) throw appError("NOT_FOUND", "This person is not a member.");
    const [user, profile] = await Promise.all([ctx.db.get("users", userId), getProfileByUser(ctx, userId)]);
    return { userId, role: membership.role, joinedAt: membership.joinedAt, ...toAdminProfileView(profile, user) };
  },
});
