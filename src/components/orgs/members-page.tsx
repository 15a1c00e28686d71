import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { viewerQuery } from "~/components/auth/data";
import { Skeleton } from "~/components/ui/skeleton";
import { useOrg } from "./data";
import { MemberList } from "./member-list";
import { MembersOnly } from "./org-states";
import type { OrgPage } from "./types";
import type { Id } from "@convex/_generated/dataModel";

/**
 * An org's member list, for its members; admins see `adminView` instead (the directory). Live,
 * and it needs the browser's session, so no server render.
 */
export function MembersPage({
  slug,
  adminView,
}: {
  slug: string;
  adminView?: (org: OrgPage, viewerId: Id<"users"> | undefined) => ReactNode;
}) {
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
  if (org.viewerRole === "admin" && adminView) return adminView(org, viewer.data?._id);
  return <MemberList org={org} viewerId={viewer.data?._id} />;
}
