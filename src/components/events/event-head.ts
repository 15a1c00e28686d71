// The event page's <head>. The route's head ships with the app shell, so this stays small: the
// text comes from event-preview.ts, which the loader loads when it runs.
import type { EventPreview } from "./event-preview";

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
