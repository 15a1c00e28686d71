// Organization rules shared by the orgs functions: shapes, input checks, membership bookkeeping.
import { pick } from "convex-helpers";
import { type ObjectType, v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import {
  optionalEmail,
  optionalHttpUrl,
  optionalText,
  requireLocation,
  requireText,
  requireTimezone,
} from "../lib/validation";
import { releaseUpcomingRsvps } from "../events/model";
import {
  DEFAULT_JOIN_POLICY,
  type JoinPolicy,
  joinPolicyValidator,
  LIMITS,
  type OrgRole,
  orgRoleValidator,
} from "../lib/vocabulary";
import schema from "../schema";
import { onMembershipDeleted } from "../engagement/hooks";
import { onMemberJoined, onMemberLeft } from "../crm/recordTimeline";
import { onMembershipChanged, onMembershipRemoved } from "../crm/directoryHooks";
import { onMemberLeftOrg } from "../programs/hooks";

const orgTable = schema.tables.organizations.validator.fields;

/** The editable fields of an org, as the create and edit forms send them. */
export const orgFieldsValidator = pick(orgTable, [
  "name",
  "description",
  "location",
  "website",
  "logoUrl",
  "contactEmail",
  "contactUrl",
  "joinPolicy",
  "visibility",
  "timezone",
]);

type OrgFieldsInput = ObjectType<typeof orgFieldsValidator>;

/** Validates and normalizes the editable fields, deriving the index keys from the location. */
export function checkOrgFields(input: OrgFieldsInput) {
  const location = input.location === undefined ? undefined : requireLocation("location", input.location);
  return {
    name: requireText("name", input.name, LIMITS.name, "name"),
    description: optionalText("description", input.description, LIMITS.description, "description", { multiline: true }),
    location,
    website: optionalHttpUrl("website", input.website),
    logoUrl: optionalHttpUrl("logoUrl", input.logoUrl),
    contactEmail: optionalEmail("contactEmail", input.contactEmail),
    contactUrl: optionalHttpUrl("contactUrl", input.contactUrl),
    joinPolicy: input.joinPolicy,
    visibility: input.visibility,
    timezone: input.timezone === undefined ? undefined : requireTimezone("timezone", input.timezone),
    country: location?.country,
    cityKey: location === undefined ? undefined : cityKey(location.city),
  };
}

export function cityKey(city: string): string {
  return city.trim().normalize("NFKC").toLowerCase();
}

const ORG_SUMMARY_FIELDS = ["name", "slug", "description", "location", "logoUrl", "memberCount"] as const;

/** An org in lists and search results. */
export const orgSummaryValidator = v.object({
  _id: v.id("organizations"),
  ...pick(orgTable, [...ORG_SUMMARY_FIELDS]),
});

export function toOrgSummary(org: Doc<"organizations">) {
  return { _id: org._id, ...pick(org, [...ORG_SUMMARY_FIELDS]) };
}

const ORG_PAGE_FIELDS = [
  "name",
  "slug",
  "description",
  "location",
  "website",
  "logoUrl",
  "contactEmail",
  "contactUrl",
  "visibility",
  "timezone",
  "memberCount",
  "createdAt",
] as const;

/** The org page: the public fields, the viewer's role, and whether they asked to join. */
export const orgPageValidator = v.object({
  _id: v.id("organizations"),
  ...pick(orgTable, [...ORG_PAGE_FIELDS]),
  joinPolicy: joinPolicyValidator,
  hasUploadedLogo: v.boolean(),
  viewerRole: v.union(v.null(), orgRoleValidator),
  viewerRequestedAt: v.union(v.null(), v.number()),
});

export function toOrgPage(org: Doc<"organizations">, viewerRole: OrgRole | null, viewerRequestedAt: number | null) {
  return {
    _id: org._id,
    ...pick(org, [...ORG_PAGE_FIELDS]),
    joinPolicy: joinPolicyOf(org),
    hasUploadedLogo: org.logoStorageId !== undefined,
    viewerRole,
    viewerRequestedAt,
  };
}

export function joinPolicyOf(org: Doc<"organizations">): JoinPolicy {
  return org.joinPolicy ?? DEFAULT_JOIN_POLICY;
}

/** The org with `logoUrl` pointing at its uploaded logo when it has one. */
export async function withLogoUrl(ctx: QueryCtx, org: Doc<"organizations">): Promise<Doc<"organizations">> {
  if (org.logoStorageId === undefined) return org;
  const url = await ctx.storage.getUrl(org.logoStorageId);
  return url === null ? org : { ...org, logoUrl: url };
}

export async function getOrgBySlugRow(ctx: QueryCtx, slug: string) {
  return await ctx.db
    .query("organizations")
    .withIndex("by_slug", (q) => q.eq("slug", slug))
    .unique();
}

/** Adds a membership and keeps the org's memberCount in step (the only way members are added). */
export async function addMembership(
  ctx: MutationCtx,
  org: Doc<"organizations">,
  userId: Id<"users">,
  role: "admin" | "member",
  joinedAt = Date.now(), // the demo seed backdates joins
) {
  await ctx.db.insert("orgMemberships", { orgId: org._id, userId, role, joinedAt });
  await ctx.db.patch("organizations", org._id, { memberCount: org.memberCount + 1 });
  await onMemberJoined(ctx, org._id, userId, joinedAt);
  await onMembershipChanged(ctx, org._id, userId);
}

/**
 * Deletes a membership and keeps memberCount in step (the only way members leave). The
 * person's RSVPs to the org's upcoming events are released, so their seats go to the waitlist.
 */
export async function deleteMembership(ctx: MutationCtx, membership: Doc<"orgMemberships">) {
  const org = await ctx.db.get("organizations", membership.orgId);
  await ctx.db.delete("orgMemberships", membership._id);
  await onMembershipDeleted(ctx, membership.orgId, membership.userId);
  await onMemberLeft(ctx, membership, Date.now());
  await onMembershipRemoved(ctx, membership.orgId, membership.userId);
  await onMemberLeftOrg(ctx, membership.orgId, membership.userId);
  if (org !== null) await ctx.db.patch("organizations", org._id, { memberCount: Math.max(0, org.memberCount - 1) });
  await releaseUpcomingRsvps(ctx, membership.orgId, membership.userId);
}

/** True when the org has at most one admin. Reads at most two rows. */
export async function hasSingleAdmin(ctx: QueryCtx, orgId: Id<"organizations">) {
  const admins = await ctx.db
    .query("orgMemberships")
    .withIndex("by_org_role", (q) => q.eq("orgId", orgId).eq("role", "admin"))
    .take(2);
  return admins.length <= 1;
}

export const memberRowValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  role: orgRoleValidator,
  joinedAt: v.number(),
  email: v.optional(v.string()),
});

/** A user belongs to few orgs; this caps what one request reads for "my orgs". */
export const MAX_ORGS_PER_USER_READ = 200;

/** Joined another way (an invite link): a pending request to join has nothing left to ask. */
export async function dropJoinRequest(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const request = await ctx.db
    .query("joinRequests")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
  if (request !== null) await ctx.db.delete("joinRequests", request._id);
}
