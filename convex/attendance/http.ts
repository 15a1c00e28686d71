// The one-tap answer page of the "Did you make it?" email, served by convex/http.ts. Works
// without signing in: the signed, single-purpose, expiring token names the member, the event
// and the answer.
//   GET  /attendance?token=…  redirects to the app's /confirm-attendance page (emailAnswer.ts),
//                             which asks first; changes nothing (mail scanners prefetch links).
//   POST /attendance          records the answer once; a tampered, expired or used token, or a
//                             member with no RSVP, gets a page saying so and nothing is written.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { httpAction, internalMutation, internalQuery, type ActionCtx, type QueryCtx } from "../_generated/server";
import { escapeHtml, htmlPage } from "../emails/templates";
import { ATTENDANCE_PURPOSES, readUnsubscribeSecret, verifyToken } from "../emails/tokens";
import { redirectToApp } from "../emails/unsubscribe";
import { eventUrl } from "../notifications/deliver";
import { recordSelfReport } from "./mutations";
import { canAnswerPrompt, hasVerifiedRecord } from "./model";

export const outcomeValidator = v.union(
  v.literal("ok"),
  v.literal("unknown"), // no such event or user
  v.literal("no_rsvp"),
  v.literal("not_member"),
  v.literal("not_ended"),
  v.literal("cancelled"),
  v.literal("closed"),
  v.literal("verified"), // the organizers recorded it already
  v.literal("answered"),
);
type Outcome = typeof outcomeValidator.type;

const answerArgs = { userId: v.string(), eventId: v.string(), attended: v.boolean() };

export const attendanceSecret = internalQuery({
  args: {},
  returns: v.union(v.string(), v.null()),
  handler: async (ctx) => await readUnsubscribeSecret(ctx),
});

/** Records the answer from a verified token; every refusal writes nothing. */
export const answerFromEmail = internalMutation({
  args: answerArgs,
  returns: v.object({
    outcome: outcomeValidator,
    title: v.union(v.string(), v.null()),
    eventId: v.union(v.id("events"), v.null()),
  }),
  handler: async (ctx, args) => {
    const { outcome, event, row } = await check(ctx, args);
    if (outcome === "ok") await recordSelfReport(ctx, event!, row!, args.attended, Date.now());
    return { outcome, title: event?.title ?? null, eventId: event?._id ?? null };
  },
});

/** Whether this member's answer to this event can be recorded now (also used by emailAnswer.ts). */
export async function check(ctx: QueryCtx, args: { userId: string; eventId: string }) {
  const userId = ctx.db.normalizeId("users", args.userId);
  const eventId = ctx.db.normalizeId("events", args.eventId);
  const event = eventId === null ? null : await ctx.db.get("events", eventId);
  const user = userId === null ? null : await ctx.db.get("users", userId);
  if (event === null || user === null) return { outcome: "unknown" as Outcome, event: null, row: null };
  const row = await ctx.db
    .query("eventAttendance")
    .withIndex("by_event_user", (q) => q.eq("eventId", event._id).eq("userId", user._id))
    .unique();
  const membership = await ctx.db
    .query("orgMemberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", event.orgId).eq("userId", user._id))
    .unique();
  const now = Date.now();
  let outcome: Outcome = "ok";
  if (event.status !== "published") outcome = "cancelled";
  else if (membership === null) outcome = "not_member";
  else if (row === null || (row.rsvpStatus !== "going" && row.rsvpStatus !== "maybe")) outcome = "no_rsvp";
  else if (now < event.endTime) outcome = "not_ended";
  else if (hasVerifiedRecord(row)) outcome = "verified";
  else if (row.selfReport !== undefined) outcome = "answered";
  else if (!canAnswerPrompt(event, row, now)) outcome = "closed";
  return { outcome, event, row };
}

const MESSAGES: Record<Exclude<Outcome, "ok">, string> = {
  unknown: "This link is not valid any more. Nothing was recorded.",
  no_rsvp: "We have no RSVP from you for this event, so there is nothing to confirm. Nothing was recorded.",
  not_member: "You are no longer a member of the organization that hosted this event. Nothing was recorded.",
  not_ended: "This event has not ended yet. Come back afterwards. Nothing was recorded.",
  cancelled: "This event was cancelled. Nothing was recorded.",
  closed: "This question has closed. Nothing was recorded.",
  verified: "The organizers have already recorded your attendance. Nothing was changed.",
  answered: "You have already answered. Nothing was changed.",
};

function page(status: number, title: string, body: string): Response {
  return new Response(htmlPage(title, body), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      "X-Robots-Tag": "noindex",
    },
  });
}

function eventLink(eventId: string | null): string {
  return eventId === null ? "" : `<p><a href="${escapeHtml(eventUrl(eventId as never))}">Open the event</a></p>`;
}

function refusal(outcome: Exclude<Outcome, "ok">, eventId: string | null): Response {
  const status = outcome === "answered" || outcome === "verified" ? 409 : 400;
  return page(
    status,
    outcome === "answered" || outcome === "verified" ? "Already recorded" : "Nothing recorded",
    `<p>${escapeHtml(MESSAGES[outcome])}</p>${eventLink(eventId)}`,
  );
}

function invalid(reason: "invalid" | "expired"): Response {
  const message =
    reason === "expired"
      ? "This link has expired. Nothing was recorded."
      : "This link is not valid (it may have been copied incompletely). Nothing was recorded.";
  return page(
    400,
    "Link not valid",
    `<p>${escapeHtml(message)}</p><p>You can answer on the event page after signing in.</p>`,
  );
}

async function verify(ctx: Pick<ActionCtx, "runQuery">, token: string | null) {
  if (token === null) return { ok: false as const, reason: "invalid" as const };
  const secret = await ctx.runQuery(internal.attendance.http.attendanceSecret, {});
  const result = await verifyToken(secret, token, Date.now(), ATTENDANCE_PURPOSES);
  if (result.ok && result.subject === undefined) return { ok: false as const, reason: "invalid" as const };
  return result;
}

/** The email's link, from before it pointed at the app: the app's page asks and confirms. */
export const attendanceGet = httpAction(async (_ctx, request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return redirectToApp(`/confirm-attendance?token=${encodeURIComponent(token)}`);
});

export const attendancePost = httpAction(async (ctx, request) => {
  let token = new URL(request.url).searchParams.get("token");
  if (token === null) {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const value = (await request.formData()).get("token");
      token = typeof value === "string" ? value : null;
    }
  }
  const result = await verify(ctx, token);
  if (!result.ok) return invalid(result.reason);
  const attended = result.purpose === "attendance-yes";
  const { outcome, title, eventId } = await ctx.runMutation(internal.attendance.http.answerFromEmail, {
    userId: result.userId,
    eventId: result.subject!,
    attended,
  });
  if (outcome !== "ok") return refusal(outcome, eventId);
  const body = attended
    ? `<p>Thanks! We've recorded that you attended ${escapeHtml(title ?? "the event")}.</p><p>You can leave feedback on the event page.</p>`
    : `<p>Thanks for letting us know. We've recorded that you couldn't make it.</p>`;
  return page(200, attended ? "Glad you made it" : "Thanks for telling us", body + eventLink(eventId));
});
