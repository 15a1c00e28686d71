import { createFileRoute } from "@tanstack/react-router";

import { MemberRecordPage } from "~/components/crm/record-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";

export const Route = createFileRoute("/org/$slug/members_/$userId")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading member…" />,
  head: () => ({ meta: [{ title: "Member · ASTN Orgs" }] }),
  component: function MemberRecordRoute() {
    const { slug, userId } = Route.useParams();
    return <MemberRecordPage slug={slug} userId={userId} />;
  },
});
