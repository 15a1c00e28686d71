// The account itself: its profile at sign-up, password reset codes, changing the password and
// deleting the account (the rules are in ./deletion.ts).
import {
  getAuthSessionId,
  invalidateSessions,
  modifyAccountCredentials,
  retrieveAccount,
} from "@convex-dev/auth/server";
import { v } from "convex/values";
import { internalMutation } from "../_generated/server";
import { passwordResetEmail } from "../emails/accountTemplates";
import { deliverEmail } from "../emails/send";
import { appError } from "../lib/errors";
import { env } from "../lib/env";
import { userAction, userMutation, userQuery } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { canonicalTimeZone } from "../lib/timezoneNames";
import { checkPasswordStrength } from "../lib/validation";
import { ensureProfile } from "../profiles/model";
import { deleteAccountNow, soleAdminOrgs } from "./deletion";

/**
 * Gives a new (or profile-less) account its profile at once, in the zone the browser sent at
 * sign-up, so emails never fall back to UTC for someone who never opened Settings.
 */
export const ensureInitialProfile = internalMutation({
  args: { userId: v.id("users"), timezone: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { userId, timezone }) => {
    const user = await ctx.db.get("users", userId);
    if (user === null) return null;
    const zone = (timezone === undefined ? null : canonicalTimeZone(timezone)) ?? "UTC";
    await ensureProfile(ctx, user, zone);
    return null;
  },
});

/** Emails a password-reset code (called by Convex Auth's reset provider, after the rate limits). */
export const sendResetCode = internalMutation({
  args: { email: v.string(), code: v.string(), expiresAt: v.number() },
  returns: v.null(),
  handler: async (ctx, { email, code, expiresAt }) => {
    const user = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", email))
      .first();
    if (user === null) return null;
    const rendered = passwordResetEmail({
      name: user.name ?? "",
      code,
      expiresAt,
      resetUrl: `${env.siteUrl()}/reset-password?email=${encodeURIComponent(email)}`,
    });
    await deliverEmail(ctx, {
      userId: user._id,
      to: email,
      kind: "account",
      ...rendered,
      dedupeKey: `password-reset:${user._id}:${expiresAt}`,
    });
    return null;
  },
});

/** Changes the signed-in user's password; the current one is checked first. Other sessions end. */
export const changePassword = userAction({
  args: { currentPassword: v.string(), newPassword: v.string() },
  returns: v.null(),
  handler: async (ctx, { currentPassword, newPassword }) => {
    const email = ctx.user.email;
    if (email === undefined) throw appError("CONFLICT", "This account has no password.");
    await enforceLimit(ctx, "changePassword", ctx.user._id);
    if (currentPassword === "") throw appError("INVALID_ARGUMENT", "Enter your current password.", "currentPassword");
    checkPasswordStrength("newPassword", newPassword);
    if (newPassword === currentPassword) {
      throw appError("INVALID_ARGUMENT", "Choose a password different from the current one.", "newPassword");
    }
    try {
      await retrieveAccount(ctx, { provider: "password", account: { id: email, secret: currentPassword } });
    } catch {
      throw appError("INVALID_ARGUMENT", "That is not your current password.", "currentPassword");
    }
    await modifyAccountCredentials(ctx, { provider: "password", account: { id: email, secret: newPassword } });
    const sessionId = await getAuthSessionId(ctx);
    await invalidateSessions(ctx, { userId: ctx.user._id, except: sessionId === null ? [] : [sessionId] });
    return null;
  },
});

const orgRef = v.object({ _id: v.id("organizations"), name: v.string(), slug: v.string() });

/** What deleting the caller's account would do: how many orgs they leave, and which block it. */
export const accountDeletionCheck = userQuery({
  args: {},
  returns: v.object({ memberships: v.number(), soleAdminOrgs: v.array(orgRef) }),
  handler: async (ctx) => {
    const { orgs, memberships } = await soleAdminOrgs(ctx, ctx.user._id);
    return {
      memberships: memberships.length,
      soleAdminOrgs: orgs.map((o) => ({ _id: o._id, name: o.name, slug: o.slug })),
    };
  },
});

/** Deletes the caller's account (see ./deletion.ts); refused while they are an org's only admin. */
export const deleteAccount = userMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { orgs, memberships } = await soleAdminOrgs(ctx, ctx.user._id);
    if (orgs.length > 0) {
      throw appError(
        "CONFLICT",
        `You are the only admin of ${orgs.map((o) => o.name).join(", ")}. Make another member an admin first.`,
      );
    }
    await deleteAccountNow(ctx, ctx.user._id, memberships);
    return null;
  },
});
