import { createFileRoute } from "@tanstack/react-router";

import { ProgramAdminPage } from "~/components/programs/program-admin-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import type { Id } from "@convex/_generated/dataModel";

export const Route = createFileRoute("/org/$slug/programs/$programId/manage")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading program…" />,
  head: () => ({ meta: [{ title: "Manage program · ASTN Orgs" }] }),
  component: function ManageProgramRoute() {
    const { slug, programId } = Route.useParams();
    return <ProgramAdminPage slug={slug} programId={programId as Id<"programs">} />;
  },
});
