import { createFileRoute } from "@tanstack/react-router";

import { OrgOverview } from "~/components/orgs/org-overview";

export const Route = createFileRoute("/org/$slug/")({
  component: function OrgOverviewRoute() {
    return <OrgOverview slug={Route.useParams().slug} />;
  },
});
