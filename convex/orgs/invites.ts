// Shareable invite links. The token is the only secret: 32 random bytes, never derived from ids.
// Hot path (for the scale benchmark): joinByInvite, getInvitePreview — constant reads.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { orgAdminMutation, orgAdminQuery, publicQuery, userMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { requireIntInRange } from "../lib/validation";
import { addMembership, dropJoinRequest } from "./model";
import { randomToken } from "../lib/tokens";

const MAX_USES = 10_000;
const MAX_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

const statusValidator = v.union(v.literal("valid"), v.literal("expired"), v.literal("revoked"), v.literal("used_up"));
type InviteStatus = "valid" | "expired" | "revoked" | "used_up";

function inviteStatus(invite: Doc<"orgInvites">, now: number): InviteStatus {
  if (invite.revokedAt !== undefined) return "revoked";
  if (invite.expiresAt !== undefined && invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== undefined && invite.uses >= invite.maxUses) return "used_up";
  return "valid";
}

async function findInvite(ctx: QueryCtx, token: string) {
  // Real tokens are 43 characters; anything far off cannot match, so skip the lookup.
  if (token.length === 0 || token.length > 100) return null;
  return await ctx.db
    .query("orgInvites")
    .withIndex("by_token", (q) => q.eq("token", token))
    .unique();
}

async function insertInvite(
  ctx: MutationCtx,
  orgId: Doc<"organizations">["_id"],
  createdBy: Doc<"users">["_id"],
  expiresAt: number | undefined,
  maxUses: number | undefined,
) {
  const token = randomToken();
  const inviteId = await ctx.db.insert("orgInvites", { orgId, token, createdBy, expiresAt, maxUses, uses: 0 });
  return { inviteId, token };
}

const createdInviteValidator = v.object({ inviteId: v.id("orgInvites"), token: v.string() });

/** A new invite link; the page builds the URL from the token (e.g. /join/<token>). */
export const createInvite = orgAdminMutation({
  args: {
    expiresAt: v.optional(v.number()),
    maxUses: v.optional(v.number()),
  },
  returns: createdInviteValidator,
  handler: async (ctx, { expiresAt, maxUses }) => {
    const { user, org } = ctx;
    const now = Date.now();
    if (expiresAt !== undefined && !(expiresAt > now && expiresAt <= now + MAX_LIFETIME_MS)) {
      throw invalidArgument("expiresAt", "The expiry must be in the future and within a year.");
    }
    if (maxUses !== undefined) requireIntInRange("maxUses", maxUses, 1, MAX_USES);
    await enforceLimit(ctx, "createInvite", user._id);
    return await insertInvite(ctx, org._id, user._id, expiresAt, maxUses);
  },
});

const adminInviteValidator = v.object({
  _id: v.id("orgInvites"),
  token: v.string(),
  createdAt: v.number(),
  createdBy: v.id("users"),
  expiresAt: v.optional(v.number()),
  maxUses: v.optional(v.number()),
  uses: v.number(),
  revokedAt: v.optional(v.number()),
  status: statusValidator,
});

/** The org's invites, newest first, with their status. */
export const listInvites = orgAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(adminInviteValidator),
  handler: async (ctx, { paginationOpts }) => {
    const orgId = ctx.org._id;
    const now = Date.now();
    const page = await ctx.db
      .query("orgInvites")
      .withIndex("by_org", (q) => q.eq("orgId", orgId))
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, 50) });
    return {
      ...page,
      page: page.page.map((invite) => ({
        _id: invite._id,
        token: invite.token,
        createdAt: invite._creationTime,
        createdBy: invite.createdBy,
        expiresAt: invite.expiresAt,
        maxUses: invite.maxUses,
        uses: invite.uses,
        revokedAt: invite.revokedAt,
        status: inviteStatus(invite, now),
      })),
    };
  },
});

async function requireInviteOfOrg(
  ctx: QueryCtx,
  orgId: Doc<"organizations">["_id"],
  inviteId: Doc<"orgInvites">["_id"],
) {
  const invite = await ctx.db.get("orgInvites", inviteId);
  if (invite === null || invite.orgId !== orgId) {
    throw appError("NOT_FOUND", "This invite does not exist.", "inviteId");
  }
  return invite;
}

/** Stops a link from working. Revoking twice is harmless. */
export const revokeInvite = orgAdminMutation({
  args: { inviteId: v.id("orgInvites") },
  returns: v.null(),
  handler: async (ctx, { inviteId }) => {
    const invite = await requireInviteOfOrg(ctx, ctx.org._id, inviteId);
    if (invite.revokedAt === undefined) await ctx.db.patch("orgInvites", invite._id, { revokedAt: Date.now() });
    return null;
  },
});

/** Revokes a link and issues a new one with the same use limit and the same lifetime. */
export const regenerateInvite = orgAdminMutation({
  args: { inviteId: v.id("orgInvites") },
  returns: createdInviteValidator,
  handler: async (ctx, { inviteId }) => {
    const { user } = ctx;
    const orgId = ctx.org._id;
    const invite = await requireInviteOfOrg(ctx, orgId, inviteId);
    await enforceLimit(ctx, "createInvite", user._id);
    const now = Date.now();
    if (invite.revokedAt === undefined) await ctx.db.patch("orgInvites", invite._id, { revokedAt: now });
    const lifetime = invite.expiresAt === undefined ? undefined : invite.expiresAt - invite._creationTime;
    const expiresAt = lifetime === undefined ? undefined : now + Math.max(lifetime, 60_000);
    return await insertInvite(ctx, orgId, user._id, expiresAt, invite.maxUses);
  },
});

/**
 * What the join page shows before anyone signs in. Public by design: holding a working token is
 * the permission. Unknown tokens answer "not_found"; expired, revoked and used-up ones only their
 * state, with no org (an old link must not keep showing what the org is now), except to members.
 */
export const getInvitePreview = publicQuery({
  args: { token: v.string() },
  returns: v.object({
    status: v.union(statusValidator, v.literal("not_found")),
    org: v.union(
      v.null(),
      v.object({
        name: v.string(),
        slug: v.string(),
        description: v.optional(v.string()),
        logoUrl: v.optional(v.string()),
        memberCount: v.number(),
      }),
    ),
    viewerIsMember: v.boolean(),
  }),
  handler: async (ctx, { token }) => {
    const userId = ctx.viewerId;
    const invite = await findInvite(ctx, token);
    const org = invite === null ? null : await ctx.db.get("organizations", invite.orgId);
    if (invite === null || org === null) return { status: "not_found" as const, org: null, viewerIsMember: false };
    const membership = userId === null ? null : await getMembership(ctx, org._id, userId);
    const status = inviteStatus(invite, Date.now());
    if (status !== "valid" && membership === null) return { status, org: null, viewerIsMember: false };
    return {
      status,
      org: {
        name: org.name,
        slug: org.slug,
        description: org.description,
        logoUrl: org.logoUrl,
        memberCount: org.memberCount,
      },
      viewerIsMember: membership !== null,
    };
  },
});

/**
 * Joins the org behind a valid link as a member. Already a member: returns alreadyMember and
 * consumes nothing, even if the link has since expired.
 */
export const joinByInvite = userMutation({
  args: { token: v.string() },
  returns: v.object({ orgId: v.id("organizations"), slug: v.string(), alreadyMember: v.boolean() }),
  handler: async (ctx, { token }) => {
    const { user } = ctx;
    const invite = await findInvite(ctx, token);
    const org = invite === null ? null : await ctx.db.get("organizations", invite.orgId);
    if (invite === null || org === null) throw appError("NOT_FOUND", "This invite link does not exist.", "token");
    if ((await getMembership(ctx, org._id, user._id)) !== null) {
      return { orgId: org._id, slug: org.slug, alreadyMember: true };
    }
    const status = inviteStatus(invite, Date.now());
    if (status !== "valid") {
      const reason = {
        expired: "This invite link has expired.",
        revoked: "This invite link was revoked.",
        used_up: "This invite link has been used the maximum number of times.",
      }[status];
      throw appError("CONFLICT", `${reason} Ask an admin for a new one.`, "token");
    }
    await ctx.db.patch("orgInvites", invite._id, { uses: invite.uses + 1 });
    await addMembership(ctx, org, user._id, "member");
    await dropJoinRequest(ctx, org._id, user._id);
    return { orgId: org._id, slug: org.slug, alreadyMember: false };
  },
});
