import { createFileRoute } from "@tanstack/react-router";

import { EventPageSkeleton, EventPageView } from "~/components/events/event-page";
import { EventLoadFailed, EventNotFound } from "~/components/events/event-states";
import { eventQuery, useEvent } from "~/components/events/use-event";

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

/**
 * "Thu, May 14, 2026, 6:30 PM GMT+1" with the platform's Intl only: this file's loader and head
 * ship with every page, so they must not pull a date library into the app shell.
 */
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

/**
 * The event page, at a stable address. It renders on the server (signed out): public events
 * arrive with their title, time and place in the HTML, and link previews read the Open Graph
 * tags. Members-only events and drafts fill in on the client once the session is known.
 */
export const Route = createFileRoute("/events/$eventId/")({
  loader: async ({ context, params }) => {
    try {
      const event = await context.queryClient.ensureQueryData(eventQuery(params.eventId));
      return {
        title: event.title,
        orgName: event.org.name,
        when: previewWhen(event.startTime, event.timezone),
        venue: event.venue,
        description: previewText(event.description),
        cancelled: event.status === "cancelled",
      };
    } catch {
      return null; // NOT_FOUND (or members-only while signed out): the page shows its own state
    }
  },
  head: ({ loaderData }) => {
    if (!loaderData) return { meta: [{ title: "Event · ASTN Orgs" }] };
    const title = `${loaderData.cancelled ? "Cancelled: " : ""}${loaderData.title}`;
    const summary = [loaderData.when, loaderData.venue, `Hosted by ${loaderData.orgName}`].filter(Boolean).join(" · ");
    const description = loaderData.description ? `${summary}. ${loaderData.description}` : summary;
    return {
      meta: [
        { title: `${title} · ${loaderData.orgName}` },
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
  },
  component: EventRoute,
});

function EventRoute() {
  const { eventId } = Route.useParams();
  const { event, loading, notFound, failed, isAuthenticated } = useEvent(eventId);
  if (notFound) return <EventNotFound signedIn={isAuthenticated} />;
  if (failed) return <EventLoadFailed />;
  if (loading || !event) return <EventPageSkeleton />;
  return <EventPageView event={event} />;
}
