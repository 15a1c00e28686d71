// Joining a public org without an invite: at once when its join policy is "open", or by a
// request an admin approves. Private orgs are joined only by invite link (invites.ts). Every
// attempt counts against the caller's rate limit, so a script cannot flood an org's admins.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { orgAdminMutation, orgAdminQuery, userMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { optionalText } from "../lib/validation";
import { JOIN_REQUEST_LIMITS } from "../lib/vocabulary";
import { displayName, getProfileByUser } from "../profiles/model";
import { addMembership, joinPolicyOf } from "./model";

const MAX_REQUEST_PAGE = 50;
const NOT_FOUND = "This organization does not exist.";

async function findRequest(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  return await ctx.db
    .query("joinRequests")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

/** A public org, or NOT_FOUND (a private org's id tells an outsider nothing). */
async function requirePublicOrg(ctx: QueryCtx, orgId: Id<"organizations">) {
  const org = await ctx.db.get("organizations", orgId);
  if (org === null || org.visibility !== "public") throw appError("NOT_FOUND", NOT_FOUND, "orgId");
  return org;
}

const joinResultValidator = v.object({
  status: v.union(v.literal("member"), v.literal("joined"), v.literal("requested")),
});

/**
 * Joins a public org: at once when it is open ("joined"), or asks its admins ("requested").
 * Idempotent: a member gets "member", a pending request "requested" again. Private orgs:
 * NOT_FOUND to non-members (they join through an invite link).
 */
export const joinOrg = userMutation({
  args: { orgId: v.id("organizations"), message: v.optional(v.string()) },
  returns: joinResultValidator,
  handler: async (ctx, { orgId, message: rawMessage }) => {
    const { user } = ctx;
    const org = await ctx.db.get("organizations", orgId);
    if (org === null) throw appError("NOT_FOUND", NOT_FOUND, "orgId");
    if ((await getMembership(ctx, orgId, user._id)) !== null) return { status: "member" as const };
    if (org.visibility !== "public") throw appError("NOT_FOUND", NOT_FOUND, "orgId");
    const message = optionalText("message", rawMessage, JOIN_REQUEST_LIMITS.message, "message", { multiline: true });
    if (joinPolicyOf(org) === "open") {
      await enforceLimit(ctx, "joinOrg", user._id);
      await addMembership(ctx, org, user._id, "member");
      return { status: "joined" as const };
    }
    if ((await findRequest(ctx, orgId, user._id)) !== null) return { status: "requested" as const };
    await enforceLimit(ctx, "joinOrg", user._id);
    await ctx.db.insert("joinRequests", { orgId, userId: user._id, message, createdAt: Date.now() });
    return { status: "requested" as const };
  },
});

/** Withdraws the caller's pending request (nothing to withdraw is fine). */
export const cancelJoinRequest = userMutation({
  args: { orgId: v.id("organizations") },
  returns: v.null(),
  handler: async (ctx, { orgId }) => {
    await requirePublicOrg(ctx, orgId);
    const request = await findRequest(ctx, orgId, ctx.user._id);
    if (request !== null) await ctx.db.delete("joinRequests", request._id);
    return null;
  },
});

const joinRequestRowValidator = v.object({
  _id: v.id("joinRequests"),
  userId: v.id("users"),
  name: v.string(),
  headline: v.optional(v.string()),
  message: v.optional(v.string()),
  createdAt: v.number(),
});

/** Pending requests to join, oldest first (admins). */
export const listJoinRequests = orgAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(joinRequestRowValidator),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db
      .query("joinRequests")
      .withIndex("by_org_created", (q) => q.eq("orgId", ctx.org._id))
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_REQUEST_PAGE) });
    const rows = await Promise.all(
      page.page.map(async (request) => {
        const [user, profile] = await Promise.all([
          ctx.db.get("users", request.userId),
          getProfileByUser(ctx, request.userId),
        ]);
        return {
          _id: request._id,
          userId: request.userId,
          name: displayName(profile, user),
          // The headline is what a member shows admins by default; honour their choice.
          headline: profile?.privacy.headline === false ? undefined : profile?.headline,
          message: request.message,
          createdAt: request.createdAt,
        };
      }),
    );
    return { ...page, page: rows };
  },
});

async function requireRequestOfOrg(ctx: MutationCtx, org: Doc<"organizations">, requestId: Id<"joinRequests">) {
  const request = await ctx.db.get("joinRequests", requestId);
  if (request === null || request.orgId !== org._id) {
    throw appError("NOT_FOUND", "This request was already answered or withdrawn.", "requestId");
  }
  return request;
}

/** Approves a request: the person becomes a member. */
export const approveJoinRequest = orgAdminMutation({
  args: { requestId: v.id("joinRequests") },
  returns: v.null(),
  handler: async (ctx, { requestId }) => {
    const request = await requireRequestOfOrg(ctx, ctx.org, requestId);
    await ctx.db.delete("joinRequests", request._id);
    const account = await ctx.db.get("users", request.userId);
    if (account !== null && (await getMembership(ctx, ctx.org._id, request.userId)) === null) {
      await addMembership(ctx, ctx.org, request.userId, "member");
    }
    return null;
  },
});

/** Declines a request; the person may ask again later (rate-limited). */
export const declineJoinRequest = orgAdminMutation({
  args: { requestId: v.id("joinRequests") },
  returns: v.null(),
  handler: async (ctx, { requestId }) => {
    const request = await requireRequestOfOrg(ctx, ctx.org, requestId);
    await ctx.db.delete("joinRequests", request._id);
    return null;
  },
});
