import { createFileRoute } from "@tanstack/react-router";

import { NewProgramPage } from "~/components/programs/new-program-page";
import { ProgramsSkeleton } from "~/components/programs/program-states";

export const Route = createFileRoute("/org/$slug/programs/new")({
  ssr: false,
  pendingComponent: () => <ProgramsSkeleton label="Loading…" />,
  head: () => ({ meta: [{ title: "New program · ASTN Orgs" }] }),
  component: function NewProgramRoute() {
    return <NewProgramPage slug={Route.useParams().slug} />;
  },
});
