// One-click unsubscribe (RFC 8058) and the Resend webhook, served by convex/http.ts.
//   GET  /unsubscribe?token=…  redirects to the app's /unsubscribe page (unsubscribePage.ts),
//                              which asks first; changes nothing (mail scanners prefetch links).
//   POST /unsubscribe          token in the query (mail clients' one-click) or the form body;
//                              applies the token's single purpose and shows "You're unsubscribed".
// A tampered, expired or unknown token gets an error page and changes nothing.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { httpAction, internalMutation, internalQuery, type ActionCtx, type MutationCtx } from "../_generated/server";
import { withBodyLimit } from "../lib/httpBody";
import { env } from "../lib/env";
import { DEFAULT_REMINDER_TIMES } from "../lib/vocabulary";
import { ensureProfile } from "../profiles/model";
import { patchSettings } from "../notifications/preferences";
import { escapeHtml, htmlPage } from "./templates";
import { getResend } from "./send";
import { readUnsubscribeSecret, verifyToken, type UnsubscribePurpose } from "./tokens";

const purposeValidator = v.union(
  v.literal("reminders-off"),
  v.literal("announcements-off"),
  v.literal("attendance-prompts-off"),
);

export const unsubscribeSecret = internalQuery({
  args: {},
  returns: v.union(v.string(), v.null()),
  handler: async (ctx) => await readUnsubscribeSecret(ctx),
});

/** Applies a verified token. Idempotent; "unknown_user" if the account no longer exists. */
export const applyUnsubscribe = internalMutation({
  args: { userId: v.string(), purpose: purposeValidator },
  returns: v.union(v.literal("done"), v.literal("unknown_user")),
  handler: async (ctx, { userId, purpose }) => await applyPurpose(ctx, userId, purpose),
});

/** What a verified unsubscribe token asks for (also used by the app's unsubscribe page). */
export async function applyPurpose(
  ctx: MutationCtx,
  rawId: string,
  purpose: UnsubscribePurpose,
): Promise<"done" | "unknown_user"> {
  {
    const userId = ctx.db.normalizeId("users", rawId);
    const user = userId === null ? null : await ctx.db.get("users", userId);
    if (user === null) return "unknown_user";
    if (purpose === "announcements-off") {
      await patchSettings(ctx, user._id, { announcements: "none" });
      return "done";
    }
    const profile = await ensureProfile(ctx, user);
    const prefs = profile.notificationPreferences;
    if (purpose === "attendance-prompts-off") {
      if (prefs.attendancePrompts?.enabled === false) return "done";
      await ctx.db.patch("profiles", profile._id, {
        notificationPreferences: { ...prefs, attendancePrompts: { enabled: false } },
        updatedAt: Date.now(),
      });
      return "done";
    }
    if (prefs.eventReminders?.enabled === false) return "done";
    const reminderTimes = prefs.eventReminders?.reminderTimes ?? [...DEFAULT_REMINDER_TIMES];
    await ctx.db.patch("profiles", profile._id, {
      notificationPreferences: { ...prefs, eventReminders: { enabled: false, reminderTimes } },
      updatedAt: Date.now(),
    });
    return "done";
  }
}

const PURPOSE_TEXT: Record<UnsubscribePurpose, { question: string; button: string; done: string }> = {
  "reminders-off": {
    question: "Stop event reminder emails?",
    button: "Turn off event reminders",
    done: "You won't get event reminder emails any more.",
  },
  "announcements-off": {
    question: "Stop new-event announcements and the weekly digest?",
    button: "Turn off announcements",
    done: "You won't get new-event announcements or the weekly digest any more.",
  },
  "attendance-prompts-off": {
    question: "Stop after-event check-ins?",
    button: "Turn off after-event check-ins",
    done: "You won't be asked after events whether you attended any more.",
  },
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

function settingsLink(): string {
  return `<p><a href="${escapeHtml(`${env.siteUrl()}/settings`)}">Manage all notification settings</a></p>`;
}

function errorPage(reason: "invalid" | "expired" | "unknown_user"): Response {
  const message =
    reason === "expired"
      ? "This unsubscribe link has expired. Nothing was changed."
      : "This unsubscribe link is not valid (it may have been copied incompletely). Nothing was changed.";
  return page(
    400,
    "Link not valid",
    `<p>${escapeHtml(message)}</p><p>You can change your email settings after signing in.</p>${settingsLink()}`,
  );
}

async function verify(ctx: Pick<ActionCtx, "runQuery">, token: string | null) {
  if (token === null) return { ok: false as const, reason: "invalid" as const };
  const secret = await ctx.runQuery(internal.emails.unsubscribe.unsubscribeSecret, {});
  return await verifyToken(secret, token, Date.now());
}

/** The email's link, from before it pointed at the app: the app's page asks and confirms. */
export const unsubscribeGet = httpAction(async (_ctx, request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return redirectToApp(`/unsubscribe?token=${encodeURIComponent(token)}`);
});

/** A 303 to the app (changes nothing; the page there confirms before acting). */
export function redirectToApp(path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: `${env.siteUrl()}${path}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

export const unsubscribePost = httpAction(
  withBodyLimit(async (ctx, request) => {
    let token = new URL(request.url).searchParams.get("token");
    if (token === null) {
      const type = request.headers.get("content-type") ?? "";
      if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
        const form = await request.formData();
        const value = form.get("token");
        token = typeof value === "string" ? value : null;
      }
    }
    const result = await verify(ctx, token);
    if (!result.ok) return errorPage(result.reason);
    const outcome = await ctx.runMutation(internal.emails.unsubscribe.applyUnsubscribe, {
      userId: result.userId,
      purpose: result.purpose,
    });
    if (outcome === "unknown_user") return errorPage("unknown_user");
    return page(200, "You're unsubscribed", `<p>${escapeHtml(PURPOSE_TEXT[result.purpose].done)}</p>${settingsLink()}`);
  }),
);

/** Resend's delivery events, when RESEND_WEBHOOK_SECRET (and RESEND_API_KEY) are set. */
export const resendWebhook = httpAction(
  withBodyLimit(async (ctx, request) => {
    const resend = getResend();
    if (resend === null || env.resendWebhookSecret() === undefined) {
      return new Response("Email delivery webhooks are not configured.", { status: 404 });
    }
    return await resend.handleResendEventWebhook(ctx, request);
  }),
);
