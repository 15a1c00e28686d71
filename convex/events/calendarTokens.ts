// Per-member secret tokens for calendar feeds. A token works only while its owner is a member
// of the org (checked on every feed request), and rotating it breaks old subscription URLs.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { env } from "../lib/env";
import { orgMemberMutation } from "../lib/functions";
import { randomToken } from "../lib/tokens";

const tokenResult = v.object({
  token: v.string(),
  /** Subscribe URL for calendar apps (webcal:// works too: swap the scheme). */
  feedUrl: v.string(),
});

async function findMine(ctx: QueryCtx, userId: Id<"users">, orgId: Id<"organizations">) {
  return await ctx.db
    .query("calendarTokens")
    .withIndex("by_user_org", (q) => q.eq("userId", userId).eq("orgId", orgId))
    .unique();
}

function feedUrl(slug: string, token: string) {
  return `${env.convexSiteUrl()}/orgs/${encodeURIComponent(slug)}/calendar.ics?token=${token}`;
}

async function issue(ctx: MutationCtx & { user: Doc<"users">; org: Doc<"organizations"> }, rotate: boolean) {
  const { user, org } = ctx;
  const orgId = org._id;
  const existing = await findMine(ctx, user._id, orgId);
  if (existing !== null && !rotate) return { token: existing.token, feedUrl: feedUrl(org.slug, existing.token) };
  const token = randomToken();
  if (existing === null) {
    await ctx.db.insert("calendarTokens", { userId: user._id, orgId, token, createdAt: Date.now() });
  } else {
    await ctx.db.patch("calendarTokens", existing._id, { token, createdAt: Date.now() });
  }
  return { token, feedUrl: feedUrl(org.slug, token) };
}

/** The caller's calendar token for an org (created on first use). Members only. */
export const getOrCreateMyCalendarToken = orgMemberMutation({
  args: {},
  returns: tokenResult,
  handler: async (ctx) => await issue(ctx, false),
});

/** Replaces the caller's token: subscriptions using the old URL stop working. */
export const rotateMyCalendarToken = orgMemberMutation({
  args: {},
  returns: tokenResult,
  handler: async (ctx) => await issue(ctx, true),
});

/**
 * The member a token belongs to, if it is a token for this org and they are still a member.
 * One or two index reads; a malformed token reads nothing.
 */
export async function memberForToken(ctx: QueryCtx, orgId: Id<"organizations">, token: string | undefined) {
  if (token === undefined || token.length < 20 || token.length > 100) return null;
  const row = await ctx.db
    .query("calendarTokens")
    .withIndex("by_token", (q) => q.eq("token", token))
    .unique();
  if (row === null || row.orgId !== orgId) return null;
  return await getMembership(ctx, orgId, row.userId);
}
