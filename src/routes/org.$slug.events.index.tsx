import { createFileRoute } from "@tanstack/react-router";

import { OrgEventsPage, type When } from "~/components/events/org-events-page";

export const Route = createFileRoute("/org/$slug/events/")({
  validateSearch: (search: Record<string, unknown>): { when?: When } =>
    search.when === "past" ? { when: "past" } : {},
  head: () => ({ meta: [{ title: "Events · ASTN Orgs" }] }),
  component: function OrgEventsRoute() {
    const { when = "upcoming" } = Route.useSearch();
    return <OrgEventsPage slug={Route.useParams().slug} when={when} />;
  },
});
