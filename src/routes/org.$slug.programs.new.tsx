import { createFileRoute } from "@tanstack/react-router";

import { NewProgramPage } from "~/components/programs/new-program-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";

export const Route = createFileRoute("/org/$slug/programs/new")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading…" />,
  head: () => ({ meta: [{ title: "New program · ASTN Orgs" }] }),
  component: function NewProgramRoute() {
    return <NewProgramPage slug={Route.useParams().slug} />;
  },
});
