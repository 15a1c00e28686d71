import { createFileRoute } from "@tanstack/react-router";

import { EngagementPage } from "~/components/engagement/engagement-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";

export const Route = createFileRoute("/org/$slug/engagement")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading engagement…" />,
  head: () => ({ meta: [{ title: "Engagement · ASTN Orgs" }] }),
  component: function EngagementRoute() {
    return <EngagementPage slug={Route.useParams().slug} />;
  },
});
