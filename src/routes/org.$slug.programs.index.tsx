import { createFileRoute } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { ProgramsPage } from "~/components/programs/programs-page";

export const Route = createFileRoute("/org/$slug/programs/")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading programs…" />,
  head: () => ({ meta: [{ title: "Programs · ASTN Orgs" }] }),
  component: function ProgramsRoute() {
    return <ProgramsPage slug={Route.useParams().slug} />;
  },
});
