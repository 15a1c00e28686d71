import { createFileRoute } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { MembersPage } from "~/components/orgs/members-page";

export const Route = createFileRoute("/org/$slug/members")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading members…" />,
  head: () => ({ meta: [{ title: "Members · ASTN Orgs" }] }),
  component: function MembersRoute() {
    return <MembersPage slug={Route.useParams().slug} />;
  },
});
