// The event page's link-preview text (title, description and Open Graph tags). Its loader and
// head ship with every page, so this must not pull a date library into the app shell.
import type { EventPage } from "./types";

/** Plain text for link previews: markdown marks dropped, whitespace folded, ≤200 characters. */
function previewText(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:[#>]+|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text || undefined;
}

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

/** The page's <head>: its title, and the description and Open Graph tags link previews read. */
export function eventHead(preview: EventPreview | null | undefined) {
  if (!preview) return { meta: [{ title: "Event · ASTN Orgs" }] };
  const title = `${preview.cancelled ? "Cancelled: " : ""}${preview.title}`;
  const summary = [preview.when, preview.venue, `Hosted by ${preview.orgName}`].filter(Boolean).join(" · ");
  const description = preview.description ? `${summary}. ${preview.description}` : summary;
  return {
    meta: [
      { title: `${title} · ${preview.orgName}` },
      { name: "description", content: description },
      { property: "og:title", content: title },
      { property: "og:description", content: description },
      { property: "og:type", content: "event" },
      { property: "og:site_name", content: "ASTN Orgs" },
      { name: "twitter:card", content: "summary" },
      { name: "twitter:title", content: title },
      { name: "twitter:description", content: description },
    ],
  };
}
