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
  const userId = await getAuthUserId(ctx);
  if (userId === null) throw appError("UNAUTHENTICATED", "Sign in to continue.");
  const user = await ctx.db.get(userId);
  if (user === null) throw appError("UNAUTHENTICATED", "Your account no longer exists.");
  return user;
}
