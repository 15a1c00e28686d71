// The app's /unsubscribe page: the email's link carries a signed, single-purpose, expiring token
// (tokens.ts). Opening the page only reads it (mail scanners prefetch links); the button confirms.
// A tampered, expired or unknown token answers a status, never an error, and changes nothing.
import { v } from "convex/values";
import { publicMutation, publicQuery } from "../lib/functions";
import type { QueryCtx } from "../_generated/server";
import { applyPurpose } from "./unsubscribe";
import { readUnsubscribeSecret, verifyToken } from "./tokens";

const purposeValidator = v.union(
  v.literal("reminders-off"),
  v.literal("announcements-off"),
  v.literal("attendance-prompts-off"),
);
const refusedValidator = v.object({ status: v.union(v.literal("invalid"), v.literal("expired")) });

async function verify(ctx: QueryCtx, token: string) {
  if (token.length === 0 || token.length > 1000) return { ok: false as const, reason: "invalid" as const };
  return await verifyToken(await readUnsubscribeSecret(ctx), token, Date.now());
}

/** What the link would turn off, or why it can't. */
export const describe = publicQuery({
  args: { token: v.string() },
  returns: v.union(v.object({ status: v.literal("ready"), purpose: purposeValidator }), refusedValidator),
  handler: async (ctx, { token }) => {
    const result = await verify(ctx, token);
    return result.ok ? { status: "ready" as const, purpose: result.purpose } : { status: result.reason };
  },
});

/** Applies the token's one purpose (idempotent: a second tap says "done" again). */
export const confirm = publicMutation({
  args: { token: v.string() },
  returns: v.union(
    v.object({ status: v.literal("done"), purpose: purposeValidator }),
    v.object({ status: v.union(v.literal("invalid"), v.literal("expired"), v.literal("unknown_user")) }),
  ),
  handler: async (ctx, { token }) => {
    const result = await verify(ctx, token);
    if (!result.ok) return { status: result.reason };
    const outcome = await applyPurpose(ctx, result.userId, result.purpose);
    return outcome === "done" ? { status: "done" as const, purpose: result.purpose } : { status: outcome };
  },
});
