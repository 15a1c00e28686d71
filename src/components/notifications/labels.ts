import type { FunctionReturnType } from "convex/server";

import type { api } from "@convex/_generated/api";
import { NOTIFICATION_KIND_LABELS } from "@convex/lib/vocabulary";

export type InboxItem = FunctionReturnType<typeof api.notifications.queries.listMyNotifications>["page"][number];
export type NotificationKind = InboxItem["kind"];
export type LogEntry = FunctionReturnType<typeof api.notifications.queries.eventNotificationLog>["page"][number];
export type EmailStatus = LogEntry["status"];
export type MailboxEntry = FunctionReturnType<typeof api.emails.queries.devMailbox>["page"][number];
export type NotificationSettings = FunctionReturnType<typeof api.notifications.queries.getMyNotificationSettings>;
export type AnnouncementMode = NotificationSettings["announcements"];

export const KIND_LABELS = NOTIFICATION_KIND_LABELS;

/** Delivery status, as a badge: what it says and how it looks. */
export const STATUS_BADGES: Record<
  EmailStatus,
  { label: string; variant: "success" | "secondary" | "muted" | "outline" | "destructive"; hint: string }
> = {
  recorded: {
    label: "Recorded",
    variant: "muted",
    hint: "Stored only: email delivery isn't configured on this deployment.",
  },
  queued: { label: "Queued", variant: "outline", hint: "Waiting to be handed to the email service." },
  sent: { label: "Sent", variant: "secondary", hint: "Accepted by the email service." },
  delivered: { label: "Delivered", variant: "success", hint: "Delivered to the recipient's mail server." },
  bounced: { label: "Bounced", variant: "destructive", hint: "The recipient's mail server refused it." },
  failed: { label: "Failed", variant: "destructive", hint: "It could not be sent." },
};

/** The backend caps the unread count at 100; the badge shows "99+" from there. */
export function unreadLabel(count: number): string {
  return count > 99 ? "99+" : String(count);
}
