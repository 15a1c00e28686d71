// Hot paths (for the scale benchmark): getOrgBySlug, listMembers (first page), searchOrgs,
// suggestOrgsNearMe. Each reads a bounded number of documents whatever the org's size.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internalQuery } from "../_generated/server";
import type { Doc } from "../_generated/dataModel";
import { getMembership, requireOrgAdmin, requireUser } from "../lib/access";
import { appError } from "../lib/errors";
import { orgMemberQuery, publicQuery, userQuery } from "../lib/functions";
import { requireCountryCode } from "../lib/validation";
import { displayName, getProfileByUser } from "../profiles/model";
import { orgRoleValidator } from "../lib/vocabulary";
import {
  cityKey,
  getOrgBySlugRow,
  MAX_ORGS_PER_USER_READ,
  memberRowValidator,
  orgPageValidator,
  orgSummaryValidator,
  toOrgPage,
  toOrgSummary,
  withLogoUrl,
} from "./model";

const MAX_MEMBER_PAGE = 100;
const MAX_SEARCH_PAGE = 20;
const SUGGESTION_LIMIT = 6;

/**
 * The org page. Public orgs are readable by anyone (signed out too, for server rendering);
 * private orgs only by their members. Everyone else gets NOT_FOUND, so a private org's
 * existence does not leak.
 */
export const getOrgBySlug = publicQuery({
  args: { slug: v.string() },
  returns: orgPageValidator,
  handler: async (ctx, { slug }) => {
    const userId = ctx.viewerId;
    const org = slug.length <= 100 ? await getOrgBySlugRow(ctx, slug) : null;
    if (org === null) throw appError("NOT_FOUND", "This organization does not exist.");
    const membership = userId === null ? null : await getMembership(ctx, org._id, userId);
    if (org.visibility === "private" && membership === null) {
      throw appError("NOT_FOUND", "This organization does not exist.");
    }
    const request =
      userId === null || membership !== null
        ? null
        : await ctx.db
            .query("joinRequests")
            .withIndex("by_org_user", (q) => q.eq("orgId", org._id).eq("userId", userId))
            .unique();
    return toOrgPage(await withLogoUrl(ctx, org), membership?.role ?? null, request?.createdAt ?? null);
  },
});

/** For the create form: is this address free? (Says nothing else about the org using it.) */
export const checkSlugAvailable = userQuery({
  args: { slug: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { slug }) => {
    if (slug.length > 100) return false;
    return (await getOrgBySlugRow(ctx, slug.trim())) === null;
  },
});

/**
 * Members, a page at a time (optionally only one role). Visible to members. Email appears only
 * for admins, and only for members who share it with admins.
 */
export const listMembers = orgMemberQuery({
  args: {
    role: v.optional(orgRoleValidator),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(memberRowValidator),
  handler: async (ctx, { role, paginationOpts }) => {
    const { membership: viewer } = ctx;
    const orgId = ctx.org._id;
    const opts = { ...paginationOpts, numItems: Math.min(paginationOpts.numItems, MAX_MEMBER_PAGE) };
    const page = await (
      role === undefined
        ? ctx.db.query("orgMemberships").withIndex("by_org", (q) => q.eq("orgId", orgId))
        : ctx.db.query("orgMemberships").withIndex("by_org_role", (q) => q.eq("orgId", orgId).eq("role", role))
    ).paginate(opts);
    const rows = await Promise.all(
      page.page.map(async (m) => {
        const [user, profile] = await Promise.all([ctx.db.get("users", m.userId), getProfileByUser(ctx, m.userId)]);
        const showEmail = viewer.role === "admin" && profile?.privacy.email === true;
        return {
          userId: m.userId,
          name: displayName(profile, user),
          role: m.role,
          joinedAt: m.joinedAt,
          email: showEmail ? user?.email : undefined,
        };
      }),
    );
    return { ...page, page: rows };
  },
});

/** The caller's orgs with their role, newest membership first. */
export const myOrgs = userQuery({
  args: {},
  returns: v.array(v.object({ org: orgSummaryValidator, role: orgRoleValidator, joinedAt: v.number() })),
  handler: async (ctx) => {
    const { user } = ctx;
    const memberships = await ctx.db
      .query("orgMemberships")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .order("desc")
      .take(MAX_ORGS_PER_USER_READ);
    const rows = await Promise.all(
      memberships.map(async (m) => {
        const org = await ctx.db.get("organizations", m.orgId);
        return org === null
          ? null
          : { org: toOrgSummary(await withLogoUrl(ctx, org)), role: m.role, joinedAt: m.joinedAt };
      }),
    );
    return rows.filter((row) => row !== null);
  },
});

/**
 * Browse and search public orgs (private ones never appear). Empty query: most members first,
 * or by city within a country. Pages hold at most 20 orgs. Public: anyone may browse.
 */
export const searchOrgs = publicQuery({
  args: {
    query: v.string(),
    country: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(orgSummaryValidator),
  handler: async (ctx, args) => {
    const text = args.query.trim().slice(0, 100);
    const country = args.country === undefined ? undefined : requireCountryCode("country", args.country);
    const opts = { ...args.paginationOpts, numItems: Math.min(args.paginationOpts.numItems, MAX_SEARCH_PAGE) };
    let source;
    if (text.length > 0) {
      source = ctx.db.query("organizations").withSearchIndex("search_name", (q) => {
        const base = q.search("name", text).eq("visibility", "public");
        return country === undefined ? base : base.eq("country", country);
      });
    } else if (country !== undefined) {
      source = ctx.db
        .query("organizations")
        .withIndex("by_country_visibility_city", (q) => q.eq("country", country).eq("visibility", "public"));
    } else {
      source = ctx.db
        .query("organizations")
        .withIndex("by_visibility_members", (q) => q.eq("visibility", "public"))
        .order("desc");
    }
    const page = await source.paginate(opts);
    return {
      ...page,
      page: await Promise.all(page.page.map(async (org) => toOrgSummary(await withLogoUrl(ctx, org)))),
    };
  },
});

/**
 * Up to six public orgs near the caller: same city first, then same country, excluding orgs
 * they already belong to. Only for members who opted in to location sharing; `status` tells the
 * dashboard why there are none otherwise.
 */
export const suggestOrgsNearMe = userQuery({
  args: {},
  returns: v.object({
    status: v.union(v.literal("ok"), v.literal("opted_out"), v.literal("no_location")),
    orgs: v.array(orgSummaryValidator),
  }),
  handler: async (ctx) => {
    const { user } = ctx;
    const profile = await getProfileByUser(ctx, user._id);
    if (profile === null || !profile.shareLocationForSuggestions) return { status: "opted_out" as const, orgs: [] };
    const location = profile.location;
    if (location === undefined) return { status: "no_location" as const, orgs: [] };

    const mine = new Set(
      (
        await ctx.db
          .query("orgMemberships")
          .withIndex("by_user", (q) => q.eq("userId", user._id))
          .take(MAX_ORGS_PER_USER_READ)
      ).map((m) => m.orgId),
    );
    const picked = new Map<string, Doc<"organizations">>();
    const city = cityKey(location.city);
    // Each read takes only as many rows as could be skipped plus what we still need.
    const sameCity = await ctx.db
      .query("organizations")
      .withIndex("by_country_visibility_city", (q) =>
        q.eq("country", location.country).eq("visibility", "public").eq("cityKey", city),
      )
      .take(SUGGESTION_LIMIT + mine.size);
    for (const org of sameCity) {
      if (picked.size < SUGGESTION_LIMIT && !mine.has(org._id)) picked.set(org._id, org);
    }
    if (picked.size < SUGGESTION_LIMIT) {
      const sameCountry = await ctx.db
        .query("organizations")
        .withIndex("by_country_visibility_city", (q) => q.eq("country", location.country).eq("visibility", "public"))
        .take(SUGGESTION_LIMIT + mine.size + picked.size);
      for (const org of sameCountry) {
        if (picked.size < SUGGESTION_LIMIT && !mine.has(org._id) && !picked.has(org._id)) {
          picked.set(org._id, org);
        }
      }
    }
    // The uploaded logo when there is one, as on the org's page.
    const orgs = await Promise.all([...picked.values()].map(async (org) => toOrgSummary(await withLogoUrl(ctx, org))));
    return { status: "ok" as const, orgs };
  },
});

/** For orgAdminAction (convex/lib/functions.ts): the caller must be an admin of the org. */
export const orgAdminForAction = internalQuery({
  args: { orgId: v.id("organizations") },
  returns: v.object({ orgId: v.id("organizations"), userId: v.id("users") }),
  handler: async (ctx, { orgId }) => {
    const user = await requireUser(ctx);
    const access = await requireOrgAdmin(ctx, user, orgId);
    return { orgId: access.org._id, userId: user._id };
  },
});
