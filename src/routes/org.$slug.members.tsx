import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { MemberList } from "~/components/orgs/member-list";
import { MembersOnly } from "~/components/orgs/org-states";
import { useOrg } from "~/components/orgs/data";
import { Skeleton } from "~/components/ui/skeleton";
import { api } from "../../convex/_generated/api";

/** Members only; the list is live (it needs the browser's session, so no server render). */
export const Route = createFileRoute("/org/$slug/members")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading members…" />,
  head: () => ({ meta: [{ title: "Members · ASTN Orgs" }] }),
  component: MembersPage,
});

function MembersPage() {
  const { slug } = Route.useParams();
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  const viewer = useQuery(convexQuery(api.users.queries.viewer, {}));
  if (!org || authLoading) {
    return (
      <div role="status" aria-busy="true">
        <span className="sr-only">Loading…</span>
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (org.viewerRole === null) {
    return <MembersOnly orgName={org.name} slug={org.slug} signedIn={isAuthenticated} />;
  }
  return <MemberList org={org} viewerId={viewer.data?._id} />;
}
