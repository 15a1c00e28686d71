// The app's /confirm-attendance page, the "Did you make it?" email's one-tap answer. Works signed
// out: the signed, single-purpose, expiring token names the member, the event and the answer.
// Opening the page only reads (mail scanners prefetch links); the button records the answer once.
// A tampered, expired or used token answers a status, never an error, and writes nothing.
import { v } from "convex/values";
import type { QueryCtx } from "../_generated/server";
import { ATTENDANCE_PURPOSES, readUnsubscribeSecret, verifyToken } from "../emails/tokens";
import { publicMutation, publicQuery } from "../lib/functions";
import { check, outcomeValidator } from "./http";
import { recordSelfReport } from "./mutations";

const answerValidator = v.union(
  v.object({ status: v.union(v.literal("invalid"), v.literal("expired")) }),
  v.object({
    status: v.literal("checked"),
    outcome: outcomeValidator,
    attended: v.boolean(),
    title: v.union(v.string(), v.null()),
    eventId: v.union(v.id("events"), v.null()),
  }),
);

async function verify(ctx: QueryCtx, token: string) {
  const result = await verifyToken(await readUnsubscribeSecret(ctx), token, Date.now(), ATTENDANCE_PURPOSES);
  if (result.ok && result.subject === undefined) return { ok: false as const, reason: "invalid" as const };
  return result;
}

/** The question the link answers, or why it can't be answered ("ok" = it can). */
export const describe = publicQuery({
  args: { token: v.string() },
  returns: answerValidator,
  handler: async (ctx, { token }) => {
    const result = await verify(ctx, token);
    if (!result.ok) return { status: result.reason };
    const attended = result.purpose === "attendance-yes";
    const { outcome, event } = await check(ctx, { userId: result.userId, eventId: result.subject! });
    return { status: "checked" as const, outcome, attended, title: event?.title ?? null, eventId: event?._id ?? null };
  },
});

/** Records the token's answer ("ok"), or says why not and writes nothing. */
export const confirm = publicMutation({
  args: { token: v.string() },
  returns: answerValidator,
  handler: async (ctx, { token }) => {
    const result = await verify(ctx, token);
    if (!result.ok) return { status: result.reason };
    const attended = result.purpose === "attendance-yes";
    const { outcome, event, row } = await check(ctx, { userId: result.userId, eventId: result.subject! });
    if (outcome === "ok") await recordSelfReport(ctx, event!, row!, attended, Date.now());
    return { status: "checked" as const, outcome, attended, title: event?.title ?? null, eventId: event?._id ?? null };
  },
});
