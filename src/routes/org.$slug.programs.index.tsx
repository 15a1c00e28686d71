import { createFileRoute } from "@tanstack/react-router";

import { ProgramsSkeleton } from "~/components/programs/program-states";
import { ProgramsPage } from "~/components/programs/programs-page";

export const Route = createFileRoute("/org/$slug/programs/")({
  ssr: false,
  pendingComponent: () => <ProgramsSkeleton />,
  head: () => ({ meta: [{ title: "Programs · ASTN Orgs" }] }),
  component: function ProgramsRoute() {
    return <ProgramsPage slug={Route.useParams().slug} />;
  },
});
