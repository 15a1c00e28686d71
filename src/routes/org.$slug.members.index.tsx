import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";

import { DirectoryPage } from "~/components/crm/directory-page";
import { keepDirectorySearch, type RawDirectorySearch } from "~/components/crm/directory-search";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { MembersPage } from "~/components/orgs/members-page";

// Admins get the directory (filters in the URL); members keep the plain member list.
export const Route = createFileRoute("/org/$slug/members/")({
  ssr: false,
  validateSearch: keepDirectorySearch,
  pendingComponent: () => <PageSkeleton label="Loading members…" />,
  head: () => ({ meta: [{ title: "Members · ASTN Orgs" }] }),
  component: function MembersRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const onSearchChange = useCallback(
      (next: RawDirectorySearch, options?: { replace?: boolean }) =>
        void navigate({ search: next, replace: options?.replace }),
      [navigate],
    );
    return (
      <MembersPage
        slug={Route.useParams().slug}
        adminView={(org, viewerId) => (
          <DirectoryPage org={org} viewerId={viewerId} search={search} onSearchChange={onSearchChange} />
        )}
      />
    );
  },
});
