import { createFileRoute } from "@tanstack/react-router";

import { eventQuery } from "~/components/events/queries";
import { EventScreen } from "~/components/events/event-page";
import { eventHead } from "~/components/events/event-head";

/**
 * The event page, at a stable address. It renders on the server (signed out): public events
 * arrive with their title, time and place in the HTML, and link previews read the Open Graph
 * tags. Members-only events and drafts fill in on the client once the session is known.
 */
export const Route = createFileRoute("/events/$eventId/")({
  loader: async ({ context, params }) => {
    try {
      const [event, { eventPreview }] = await Promise.all([
        context.queryClient.ensureQueryData(eventQuery(params.eventId)),
        import("~/components/events/event-preview"),
      ]);
      return eventPreview(event);
    } catch {
      return null; // NOT_FOUND (or members-only while signed out): the page shows its own state
    }
  },
  head: ({ loaderData }) => eventHead(loaderData),
  component: function EventRoute() {
    return <EventScreen eventId={Route.useParams().eventId} />;
  },
});
