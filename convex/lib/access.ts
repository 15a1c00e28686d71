import { getAuthUserId } from "@convex-dev/auth/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { appError } from "./errors";

/** The signed-in user's id, or null. Never parse identity.subject by hand. */
export async function getUserId(ctx: Pick<QueryCtx, "auth">): Promise<Id<"users"> | null> {
  return await getAuthUserId(ctx);
}

/** The signed-in user; throws UNAUTHENTICATED otherwise. */
export async function requireUser(ctx: QueryCtx): Promise<Doc<"users">> {
  const userId = await requireUserId(ctx);
  return requireAccount(await ctx.db.get("users", userId));
}

/** The signed-in user's id; throws UNAUTHENTICATED when signed out. (Actions: no ctx.db.) */
export async function requireUserId(ctx: Pick<QueryCtx, "auth">): Promise<Id<"users">> {
  const userId = await getAuthUserId(ctx);
  if (userId === null) throw appError("UNAUTHENTICATED", "Sign in to continue.");
  return userId;
}

/** The account of a signed-in session; throws UNAUTHENTICATED when it was deleted. */
export function requireAccount(user: Doc<"users"> | null): Doc<"users"> {
  if (user === null) throw appError("UNAUTHENTICATED", "Your account no longer exists.");
  return user;
}

/** The caller's membership in an org, or null (no throw). One index read. */
export async function getMembership(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
): Promise<Doc<"orgMemberships"> | null> {
  return await ctx.db
    .query("orgMemberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

export type OrgAccess = {
  user: Doc<"users">;
  membership: Doc<"orgMemberships">;
  org: Doc<"organizations">;
};

/**
 * The signed-in caller (`user`, from requireUser) must belong to the org.
 * NOT_FOUND when the org does not exist or is private (so a private org's id tells an outsider
 * nothing); FORBIDDEN for a public org the caller is not in.
 */
export async function requireOrgMember(
  ctx: QueryCtx,
  user: Doc<"users">,
  orgId: Id<"organizations">,
): Promise<OrgAccess> {
  const org = await ctx.db.get("organizations", orgId);
  if (org === null) throw appError("NOT_FOUND", "This organization does not exist.");
  const membership = await getMembership(ctx, orgId, user._id);
  if (membership === null) {
    if (org.visibility === "private") throw appError("NOT_FOUND", "This organization does not exist.");
    throw appError("FORBIDDEN", "Only members of this organization can do this.");
  }
  return { user, membership, org };
}

/** Like requireOrgMember, and the caller must be one of the org's admins. */
export async function requireOrgAdmin(
  ctx: QueryCtx,
  user: Doc<"users">,
  orgId: Id<"organizations">,
): Promise<OrgAccess> {
  const access = await requireOrgMember(ctx, user, orgId);
  if (access.membership.role !== "admin") {
    throw appError("FORBIDDEN", "Only admins of this organization can do this.");
  }
  return access;
}
