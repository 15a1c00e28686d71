import { useQuery } from "@tanstack/react-query";

import { viewerQuery } from "~/components/auth/data";
import { Skeleton } from "~/components/ui/skeleton";
import { useOrg } from "./data";
import { MemberList } from "./member-list";
import { MembersOnly } from "./org-states";

/** Members only; the list is live (it needs the browser's session, so no server render). */
/** An org's member list, for its members. */
export function MembersPage({ slug }: { slug: string }) {
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  const viewer = useQuery(viewerQuery());
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
