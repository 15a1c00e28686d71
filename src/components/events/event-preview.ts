// What the event page's <head> says about the event (title, description and Open Graph tags).
// The route's loader imports this when it runs, so it isn't part of the app shell.
import { previewText } from "~/lib/markdown-text";
import type { EventPage } from "./types";

/** "Thu, May 14, 2026, 6:30 PM GMT+1" with the platform's Intl only. */
function previewWhen(startTime: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    }).format(startTime);
  } catch {
    return new Date(startTime).toUTCString();
  }
}

export type EventPreview = ReturnType<typeof eventPreview>;

/** What the page's head needs from the event. */
export function eventPreview(event: EventPage) {
  return {
    title: event.title,
    orgName: event.org.name,
    when: previewWhen(event.startTime, event.timezone),
    venue: event.venue,
    description: previewText(event.description),
    cancelled: event.status === "cancelled",
  };
}
