import { createFileRoute } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { AdminPage } from "~/components/orgs/admin-page";

export const Route = createFileRoute("/org/$slug/admin")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading admin tools…" />,
  head: () => ({ meta: [{ title: "Admin · ASTN Orgs" }] }),
  component: function AdminRoute() {
    return <AdminPage slug={Route.useParams().slug} />;
  },
});
