// What the event page's <head> says about the event (title, description and Open Graph tags).
// The route's loader imports this when it runs, so it isn't part of the app shell.
import { previewText } from "~/lib/markdown-text";
import { formatDateTime } from "~/lib/time";
import type { EventPage } from "./types";

export type EventPreview = ReturnType<typeof eventPreview>;

/** What the page's head needs from the event. */
export function eventPreview(event: EventPage) {
  return {
    title: event.title,
    orgName: event.org.name,
    when: formatDateTime(event.startTime, event.timezone),
    venue: event.venue,
    description: previewText(event.description),
    cancelled: event.status === "cancelled",
  };
}
