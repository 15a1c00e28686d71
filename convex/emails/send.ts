// The one place an email leaves the app. Every email is stored in `emails`; with RESEND_API_KEY
// it is also handed to the @convex-dev/resend component (durable, batched, idempotent), without
// it the row stays "recorded" and nothing is delivered (the dev mailbox shows it).
// Tests never touch the network: without the key this records; with it, the component only
// enqueues, and its delivery action (the only code that calls Resend's API) is not run.
import { Resend } from "@convex-dev/resend";
import type { Infer } from "convex/values";
import { components, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { env } from "../lib/env";
import type { notificationKindValidator } from "../lib/vocabulary";

export type NotificationKind = Infer<typeof notificationKindValidator>;

export type OutgoingEmail = {
  userId: Id<"users">;
  to: string;
  kind: NotificationKind;
  subject: string;
  html: string;
  text: string;
  eventId?: Id<"events">;
  dedupeKey: string;
  headers?: { name: string; value: string }[];
};

/** A Resend client configured from the environment, or null when email is not configured. */
export function getResend(): Resend | null {
  const apiKey = env.resendApiKey();
  if (apiKey === undefined) return null;
  return new Resend(components.resend, {
    apiKey,
    webhookSecret: env.resendWebhookSecret(),
    // The component defaults to test mode (only @resend.dev recipients); real mail needs false.
    testMode: env.resendTestMode(),
    onEmailEvent: internal.emails.events.handleEmailEvent,
  });
}

/** Records the email and, when Resend is configured, enqueues it for delivery. */
export async function deliverEmail(ctx: MutationCtx, email: OutgoingEmail): Promise<Id<"emails">> {
  const now = Date.now();
  const resend = getResend();
  let resendEmailId: string | undefined;
  if (resend !== null) {
    resendEmailId = await resend.sendEmail(ctx, {
      from: env.emailFrom(),
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      // A retried send returns the already-enqueued email instead of a second one.
      idempotencyKey: email.dedupeKey,
    });
  }
  return await ctx.db.insert("emails", {
    to: email.to,
    userId: email.userId,
    kind: email.kind,
    subject: email.subject,
    html: email.html,
    text: email.text,
    eventId: email.eventId,
    dedupeKey: email.dedupeKey,
    status: resendEmailId === undefined ? "recorded" : "queued",
    resendEmailId,
    createdAt: now,
    updatedAt: now,
  });
}
