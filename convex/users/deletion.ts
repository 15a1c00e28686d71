// Deleting an account. The rules, stated on the account page and tested in account.test.ts:
// - Refused while the person is the only admin of an org: they appoint another admin first
//   (an org is never left without one; there is no ownerless state to recover from).
// - Every membership ends the way leaving does: RSVPs to upcoming events are released, so a
//   freed seat goes to the first person on the waitlist, and the org's member count drops.
// - Their remaining RSVP and attendance rows, inbox, recorded emails, engagement records (with
//   each membership),
//   calendar tokens, notification settings, profile and sign-in records are deleted. Events
//   they created stay with their org. Per-event counters keep past attendance as numbers.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx, type QueryCtx } from "../_generated/server";
import { deleteMembership, hasSingleAdmin, MAX_ORGS_PER_USER_READ } from "../orgs/model";

/** The orgs where this person is the only admin (deleting the account waits for a second one). */
export async function soleAdminOrgs(ctx: QueryCtx, userId: Id<"users">) {
  const memberships = await ctx.db
    .query("orgMemberships")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .take(MAX_ORGS_PER_USER_READ);
  const orgs: Doc<"organizations">[] = [];
  for (const m of memberships) {
    if (m.role !== "admin" || !(await hasSingleAdmin(ctx, m.orgId))) continue;
    const org = await ctx.db.get("organizations", m.orgId);
    if (org !== null) orgs.push(org);
  }
  return { orgs, memberships };
}

/** Ends the memberships and deletes the records that identify the person; the rest is paged after. */
export async function deleteAccountNow(ctx: MutationCtx, userId: Id<"users">, memberships: Doc<"orgMemberships">[]) {
  for (const m of memberships) await deleteMembership(ctx, m);
  const profile = await ctx.db
    .query("profiles")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
  if (profile !== null) await ctx.db.delete("profiles", profile._id);
  const settings = await ctx.db
    .query("notificationSettings")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
  if (settings !== null) await ctx.db.delete("notificationSettings", settings._id);
  for (const token of await ctx.db
    .query("calendarTokens")
    .withIndex("by_user_org", (q) => q.eq("userId", userId))
    .collect()) {
    await ctx.db.delete("calendarTokens", token._id);
  }
  // Sign-in records: accounts (and their codes), sessions (and their refresh tokens).
  for (const account of await ctx.db
    .query("authAccounts")
    .withIndex("userIdAndProvider", (q) => q.eq("userId", userId))
    .collect()) {
    for (const code of await ctx.db
      .query("authVerificationCodes")
      .withIndex("accountId", (q) => q.eq("accountId", account._id))
      .collect()) {
      await ctx.db.delete("authVerificationCodes", code._id);
    }
    await ctx.db.delete("authAccounts", account._id);
  }
  for (const session of await ctx.db
    .query("authSessions")
    .withIndex("userId", (q) => q.eq("userId", userId))
    .collect()) {
    for (const token of await ctx.db
      .query("authRefreshTokens")
      .withIndex("sessionId", (q) => q.eq("sessionId", session._id))
      .collect()) {
      await ctx.db.delete("authRefreshTokens", token._id);
    }
    await ctx.db.delete("authSessions", session._id);
  }
  await ctx.db.delete("users", userId);
  await ctx.scheduler.runAfter(0, internal.users.deletion.purgeRows, { userId, table: "eventAttendance" });
}

const PURGE_PAGE = 200;
const purgeTable = v.union(v.literal("eventAttendance"), v.literal("notifications"), v.literal("emails"));
const NEXT = { eventAttendance: "notifications", notifications: "emails" } as const;

/** Deletes a deleted account's rows from one table a page at a time, then moves to the next table. */
export const purgeRows = internalMutation({
  args: { userId: v.id("users"), table: purgeTable },
  returns: v.number(),
  handler: async (ctx, { userId, table }) => {
    const rows =
      table === "eventAttendance"
        ? await ctx.db
            .query("eventAttendance")
            .withIndex("by_user_history", (q) => q.eq("userId", userId))
            .take(PURGE_PAGE)
        : table === "notifications"
          ? await ctx.db
              .query("notifications")
              .withIndex("by_user_created", (q) => q.eq("userId", userId))
              .take(PURGE_PAGE)
          : await ctx.db
              .query("emails")
              .withIndex("by_user_created", (q) => q.eq("userId", userId))
              .take(PURGE_PAGE);
    for (const row of rows) await ctx.db.delete(table, row._id);
    if (rows.length === PURGE_PAGE) {
      await ctx.scheduler.runAfter(0, internal.users.deletion.purgeRows, { userId, table });
    } else if (table !== "emails") {
      await ctx.scheduler.runAfter(0, internal.users.deletion.purgeRows, { userId, table: NEXT[table] });
    }
    return rows.length;
  },
});
