// Org-defined member tags: admins create, rename, recolour and delete them, and put them on
// members one at a time (the member record) or in bulk (selected directory rows). A tag shows
// on the directory rows and is a directory filter (its own facet rows, see directorySync.ts).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx, type QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { orgAdminMutation, orgAdminQuery } from "../lib/functions";
import { requireText } from "../lib/validation";
import { CRM_LIMITS, tagColorValidator } from "../lib/vocabulary";
import { syncDirectory, tagIdsOf } from "./directorySync";

export const tagValidator = v.object({ _id: v.id("orgTags"), name: v.string(), color: tagColorValidator });

const PURGE_BATCH = 200;

function toTag(tag: Doc<"orgTags">) {
  return { _id: tag._id, name: tag.name, color: tag.color };
}

export async function listOrgTags(ctx: QueryCtx, orgId: Id<"organizations">) {
  return await ctx.db
    .query("orgTags")
    .withIndex("by_org_name", (q) => q.eq("orgId", orgId))
    .take(CRM_LIMITS.tagsPerOrg);
}

async function requireTag(ctx: QueryCtx, orgId: Id<"organizations">, tagId: Id<"orgTags">) {
  const tag = await ctx.db.get("orgTags", tagId);
  if (tag === null || tag.orgId !== orgId) throw appError("NOT_FOUND", "This tag does not exist.", "tagId");
  return tag;
}

async function requireFreeName(ctx: QueryCtx, orgId: Id<"organizations">, name: string, except?: Id<"orgTags">) {
  const nameKey = name.toLowerCase();
  const clash = await ctx.db
    .query("orgTags")
    .withIndex("by_org_name", (q) => q.eq("orgId", orgId).eq("nameKey", nameKey))
    .first();
  if (clash !== null && clash._id !== except) throw appError("CONFLICT", "A tag with this name exists.", "name");
  return nameKey;
}

/** The org's tags, by name (at most 50). */
export const listTags = orgAdminQuery({
  args: {},
  returns: v.array(tagValidator),
  handler: async (ctx) => (await listOrgTags(ctx, ctx.org._id)).map(toTag),
});

/** The tags on one member. */
export const memberTags = orgAdminQuery({
  args: { userId: v.id("users") },
  returns: v.array(v.id("orgTags")),
  handler: async (ctx, { userId }) => await tagIdsOf(ctx, ctx.org._id, userId),
});

export const createTag = orgAdminMutation({
  args: { name: v.string(), color: tagColorValidator },
  returns: v.id("orgTags"),
  handler: async (ctx, args) => {
    const orgId = ctx.org._id;
    const name = requireText("name", args.name, CRM_LIMITS.tagName, "tag name");
    const nameKey = await requireFreeName(ctx, orgId, name);
    if ((await listOrgTags(ctx, orgId)).length >= CRM_LIMITS.tagsPerOrg) {
      throw appError("CONFLICT", `An organization can have up to ${CRM_LIMITS.tagsPerOrg} tags.`, "name");
    }
    return await ctx.db.insert("orgTags", {
      orgId,
      name,
      nameKey,
      color: args.color,
      createdBy: ctx.user._id,
      createdAt: Date.now(),
    });
  },
});

/** Renames and/or recolours a tag (rows show tags by id, so nothing else is rewritten). */
export const updateTag = orgAdminMutation({
  args: { tagId: v.id("orgTags"), name: v.optional(v.string()), color: v.optional(tagColorValidator) },
  returns: v.null(),
  handler: async (ctx, { tagId, ...args }) => {
    const orgId = ctx.org._id;
    await requireTag(ctx, orgId, tagId);
    const patch: Partial<Doc<"orgTags">> = {};
    if (args.name !== undefined) {
      patch.name = requireText("name", args.name, CRM_LIMITS.tagName, "tag name");
      patch.nameKey = await requireFreeName(ctx, orgId, patch.name, tagId);
    }
    if (args.color !== undefined) patch.color = args.color;
    await ctx.db.patch("orgTags", tagId, patch);
    return null;
  },
});

/**
 * Deletes a tag at once (it leaves every list and filter); its assignments, possibly thousands,
 * are removed in batches afterwards.
 */
export const deleteTag = orgAdminMutation({
  args: { tagId: v.id("orgTags") },
  returns: v.null(),
  handler: async (ctx, { tagId }) => {
    await requireTag(ctx, ctx.org._id, tagId);
    await ctx.db.delete("orgTags", tagId);
    await ctx.scheduler.runAfter(0, internal.crm.tags.purgeTag, { orgId: ctx.org._id, tagId });
    return null;
  },
});

export const purgeTag = internalMutation({
  args: { orgId: v.id("organizations"), tagId: v.id("orgTags") },
  returns: v.null(),
  handler: async (ctx, { orgId, tagId }) => {
    const batch = await ctx.db
      .query("memberTagAssignments")
      .withIndex("by_tag_user", (q) => q.eq("tagId", tagId))
      .take(PURGE_BATCH);
    for (const assignment of batch) {
      await ctx.db.delete("memberTagAssignments", assignment._id);
      await syncDirectory(ctx, orgId, assignment.userId);
    }
    if (batch.length === PURGE_BATCH) await ctx.scheduler.runAfter(0, internal.crm.tags.purgeTag, { orgId, tagId });
    return null;
  },
});

const bulkArgs = { tagId: v.id("orgTags"), userIds: v.array(v.id("users")) };

function checkBulk(userIds: Id<"users">[]) {
  if (userIds.length === 0) throw invalidArgument("userIds", "Select at least one member.");
  if (userIds.length > CRM_LIMITS.bulkTagMembers) {
    throw invalidArgument("userIds", `Tag at most ${CRM_LIMITS.bulkTagMembers} members at a time.`);
  }
  return [...new Set(userIds)];
}

async function assignmentOf(ctx: MutationCtx, tagId: Id<"orgTags">, userId: Id<"users">) {
  return await ctx.db
    .query("memberTagAssignments")
    .withIndex("by_tag_user", (q) => q.eq("tagId", tagId).eq("userId", userId))
    .unique();
}

/** Puts a tag on members (already tagged ones are skipped). Returns how many were tagged. */
export const assignTag = orgAdminMutation({
  args: bulkArgs,
  returns: v.number(),
  handler: async (ctx, { tagId, userIds }) => {
    const orgId = ctx.org._id;
    await requireTag(ctx, orgId, tagId);
    let tagged = 0;
    for (const userId of checkBulk(userIds)) {
      if ((await getMembership(ctx, orgId, userId)) === null) {
        throw appError("NOT_FOUND", "One of these people is not a member.", "userIds");
      }
      if ((await assignmentOf(ctx, tagId, userId)) !== null) continue;
      if ((await tagIdsOf(ctx, orgId, userId)).length >= CRM_LIMITS.tagsPerMember) {
        throw appError("CONFLICT", `A member can have up to ${CRM_LIMITS.tagsPerMember} tags.`, "userIds");
      }
      await ctx.db.insert("memberTagAssignments", { orgId, userId, tagId, by: ctx.user._id, at: Date.now() });
      await syncDirectory(ctx, orgId, userId);
      tagged += 1;
    }
    return tagged;
  },
});

/** Takes a tag off members. Returns how many had it. */
export const unassignTag = orgAdminMutation({
  args: bulkArgs,
  returns: v.number(),
  handler: async (ctx, { tagId, userIds }) => {
    const orgId = ctx.org._id;
    await requireTag(ctx, orgId, tagId);
    let removed = 0;
    for (const userId of checkBulk(userIds)) {
      const assignment = await assignmentOf(ctx, tagId, userId);
      if (assignment === null) continue;
      await ctx.db.delete("memberTagAssignments", assignment._id);
      await syncDirectory(ctx, orgId, userId);
      removed += 1;
    }
    return removed;
  },
});

/** A member left: their tags go (they start untagged if they rejoin). */
export async function removeMemberTags(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const assignments = await ctx.db
    .query("memberTagAssignments")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(CRM_LIMITS.tagsPerMember + 10);
  for (const assignment of assignments) await ctx.db.delete("memberTagAssignments", assignment._id);
}
