import { createFileRoute } from "@tanstack/react-router";

import { NewEventPage } from "~/components/events/new-event-page";

export const Route = createFileRoute("/_authed/org/$slug/events/new")({
  head: () => ({ meta: [{ title: "New event · ASTN Orgs" }] }),
  component: function NewEventRoute() {
    return <NewEventPage slug={Route.useParams().slug} />;
  },
});
