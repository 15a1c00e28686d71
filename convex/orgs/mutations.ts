import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError } from "../lib/errors";
import { orgAdminMutation, orgMemberMutation, userMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { requireSlug } from "../lib/validation";
import { onMembershipChanged } from "../crm/directoryHooks";
import {
  addMembership,
  checkOrgFields,
  deleteMembership,
  getOrgBySlugRow,
  hasSingleAdmin,
  orgFieldsValidator,
} from "./model";
import { getProfileByUser } from "../profiles/model";

/** Creates an org; the creator becomes its first admin. The slug is its permanent address. */
export const createOrg = userMutation({
  args: { slug: v.string(), ...orgFieldsValidator },
  returns: v.object({ orgId: v.id("organizations"), slug: v.string() }),
  handler: async (ctx, { slug: rawSlug, ...input }) => {
    const { user } = ctx;
    const slug = requireSlug("slug", rawSlug);
    const fields = checkOrgFields(input);
    if ((await getOrgBySlugRow(ctx, slug)) !== null) {
      throw appError("CONFLICT", "This address is already taken.", "slug");
    }
    await enforceLimit(ctx, "createOrg", user._id);
    const now = Date.now();
    // The org's zone (new events default to it): as chosen, else the creating admin's.
    const timezone = fields.timezone ?? (await getProfileByUser(ctx, user._id))?.timezone ?? "UTC";
    const orgId = await ctx.db.insert("organizations", {
      ...fields,
      timezone,
      slug,
      memberCount: 0,
      createdBy: user._id,
      createdAt: now,
    });
    await addMembership(ctx, (await ctx.db.get("organizations", orgId))!, user._id, "admin");
    return { orgId, slug };
  },
});

/** Saves the org settings form (full replace: an omitted optional field is cleared). */
export const updateOrg = orgAdminMutation({
  args: orgFieldsValidator,
  returns: v.null(),
  handler: async (ctx, input) => {
    const fields = checkOrgFields(input);
    // A form that doesn't show the zone keeps it.
    await ctx.db.patch("organizations", ctx.org._id, { ...fields, timezone: fields.timezone ?? ctx.org.timezone });
    return null;
  },
});

async function requireTargetMembership(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const membership = await getMembership(ctx, orgId, userId);
  if (membership === null) throw appError("NOT_FOUND", "This person is not a member.", "userId");
  return membership;
}

const LAST_ADMIN_MESSAGE = "An organization needs at least one admin. Promote someone else first.";

export const promoteMember = orgAdminMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    const orgId = ctx.org._id;
    const target = await requireTargetMembership(ctx, orgId, userId);
    if (target.role !== "admin") {
      await ctx.db.patch("orgMemberships", target._id, { role: "admin" });
      await onMembershipChanged(ctx, orgId, userId);
    }
    return null;
  },
});

/** Admin → member. The last admin can never be demoted (not even by themself). */
export const demoteMember = orgAdminMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    const orgId = ctx.org._id;
    const target = await requireTargetMembership(ctx, orgId, userId);
    if (target.role !== "admin") return null;
    if (await hasSingleAdmin(ctx, orgId)) throw appError("CONFLICT", LAST_ADMIN_MESSAGE);
    await ctx.db.patch("orgMemberships", target._id, { role: "member" });
    await onMembershipChanged(ctx, orgId, userId);
    return null;
  },
});

export const removeMember = orgAdminMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    const orgId = ctx.org._id;
    const target = await requireTargetMembership(ctx, orgId, userId);
    if (target.role === "admin" && (await hasSingleAdmin(ctx, orgId))) {
      throw appError("CONFLICT", LAST_ADMIN_MESSAGE);
    }
    await deleteMembership(ctx, target);
    return null;
  },
});

/** The caller leaves the org; the last admin must hand over first. */
export const leaveOrg = orgMemberMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { membership } = ctx;
    const orgId = ctx.org._id;
    if (membership.role === "admin" && (await hasSingleAdmin(ctx, orgId))) {
      throw appError("CONFLICT", LAST_ADMIN_MESSAGE);
    }
    await deleteMembership(ctx, membership);
    return null;
  },
});
