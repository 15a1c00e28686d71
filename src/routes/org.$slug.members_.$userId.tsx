import { createFileRoute } from "@tanstack/react-router";

import { MemberRecordPage, RecordSkeleton } from "~/components/crm/record-page";

export const Route = createFileRoute("/org/$slug/members_/$userId")({
  ssr: false,
  pendingComponent: RecordSkeleton,
  head: () => ({ meta: [{ title: "Member · ASTN Orgs" }] }),
  component: function MemberRecordRoute() {
    const { slug, userId } = Route.useParams();
    return <MemberRecordPage slug={slug} userId={userId} />;
  },
});
