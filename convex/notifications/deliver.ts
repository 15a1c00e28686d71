// Sending one notice to one member: claim its dedupe key, write the inbox row, render and send
// the email — all in the caller's transaction, so a notice is either fully sent once or not at
// all (a retried or duplicate job finds the key and does nothing).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { deliverEmail, type NotificationKind } from "../emails/send";
import type { EventInfo, Links, RenderedEmail } from "../emails/templates";
import { createUnsubscribeToken, type UnsubscribePurpose } from "../emails/tokens";
import { getMembership } from "../lib/access";
import { env } from "../lib/env";
import type { Recipient } from "./preferences";

/** True if the key was free and is now taken; false if this notice was already sent. */
export async function claimDedupe(ctx: MutationCtx, key: string): Promise<boolean> {
  const existing = await ctx.db
    .query("notificationDedupe")
    .withIndex("by_key", (q) => q.eq("key", key))
    .first();
  if (existing !== null) return false;
  await ctx.db.insert("notificationDedupe", { key, createdAt: Date.now() });
  return true;
}

export async function isDeduped(ctx: MutationCtx, key: string): Promise<boolean> {
  const existing = await ctx.db
    .query("notificationDedupe")
    .withIndex("by_key", (q) => q.eq("key", key))
    .first();
  return existing !== null;
}

export const UNSUBSCRIBE_LABELS: Record<UnsubscribePurpose, string> = {
  "reminders-off": "Turn off event reminders",
  "announcements-off": "Turn off new-event announcements",
  "attendance-prompts-off": "Turn off after-event check-ins",
};

export function eventUrl(eventId: Id<"events">): string {
  return `${env.siteUrl()}/events/${eventId}`;
}

export function eventLinks(eventId: Id<"events"> | undefined): Omit<Links, "unsubscribeUrl"> {
  return {
    eventUrl: eventId === undefined ? undefined : eventUrl(eventId),
    rsvpUrl: eventId === undefined ? undefined : `${eventUrl(eventId)}#rsvp`,
    icsUrl: eventId === undefined ? undefined : `${env.convexSiteUrl()}/events/${eventId}.ics`,
    settingsUrl: `${env.siteUrl()}/settings`,
  };
}

export function toEventInfo(event: Doc<"events">, org: Doc<"organizations"> | null, showOnlineUrl: boolean): EventInfo {
  return {
    title: event.title,
    orgName: org?.name ?? "Your organization",
    startTime: event.startTime,
    endTime: event.endTime,
    timezone: event.timezone,
    venue: event.location,
    onlineUrl: showOnlineUrl ? event.onlineUrl : undefined,
    orgLogoUrl: org?.logoUrl,
  };
}

export type Notice = {
  kind: NotificationKind;
  dedupeKey: string;
  title: string;
  body: string;
  eventId?: Id<"events">;
  orgId?: Id<"organizations">;
  /** The one-click unsubscribe this email offers (none on transactional notices). */
  unsubscribe?: UnsubscribePurpose;
  render: (links: Links) => RenderedEmail;
  /** Links only this notice carries (signed answer links), made once its key is claimed. */
  extraLinks?: () => Promise<Partial<Links>>;
};

/**
 * Sends the notice unless its dedupe key was used before. Returns whether it was sent.
 * The caller has already decided the member should get it (preferences read now). A notice
 * about an org goes to its current members only: membership is re-checked here, at send time,
 * so someone who left or was removed hears nothing more (whatever RSVP rows remain).
 */
export async function sendNotice(ctx: MutationCtx, r: Recipient, notice: Notice): Promise<boolean> {
  if (notice.orgId !== undefined && (await getMembership(ctx, notice.orgId, r.userId)) === null) return false;
  if (!(await claimDedupe(ctx, notice.dedupeKey))) return false;
  const now = Date.now();
  await ctx.db.insert("notifications", {
    userId: r.userId,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    eventId: notice.eventId,
    orgId: notice.orgId,
    createdAt: now,
  });
  if (r.email === undefined || r.email === "") return true; // inbox only
  const links: Links = {
    ...eventLinks(notice.eventId),
    ...(notice.extraLinks === undefined ? {} : await notice.extraLinks()),
  };
  const headers: { name: string; value: string }[] = [];
  if (notice.unsubscribe !== undefined) {
    const token = await createUnsubscribeToken(ctx, r.userId, notice.unsubscribe);
    // The link opens the app's page (it asks first); the header's URL takes mail clients' POST.
    links.unsubscribeUrl = `${env.siteUrl()}/unsubscribe?token=${encodeURIComponent(token)}`;
    links.unsubscribeLabel = UNSUBSCRIBE_LABELS[notice.unsubscribe];
    // RFC 2369 + RFC 8058: mail clients show "Unsubscribe" and POST to the URL in one click.
    const oneClickUrl = `${env.convexSiteUrl()}/unsubscribe?token=${encodeURIComponent(token)}`;
    headers.push({ name: "List-Unsubscribe", value: `<${oneClickUrl}>` });
    headers.push({ name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" });
  }
  const rendered = notice.render(links);
  await deliverEmail(ctx, {
    userId: r.userId,
    to: r.email,
    kind: notice.kind,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    eventId: notice.eventId,
    dedupeKey: notice.dedupeKey,
    headers,
  });
  return true;
}
