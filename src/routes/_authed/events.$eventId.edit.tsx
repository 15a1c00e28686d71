import { createFileRoute } from "@tanstack/react-router";

import { EditEventPage } from "~/components/events/edit-event-page";

export const Route = createFileRoute("/_authed/events/$eventId/edit")({
  head: () => ({ meta: [{ title: "Edit event · ASTN Orgs" }] }),
  component: function EditEventRoute() {
    return <EditEventPage eventId={Route.useParams().eventId} />;
  },
});
