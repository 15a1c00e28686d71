import { createFileRoute } from "@tanstack/react-router";

import { ProgramPage } from "~/components/programs/program-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import type { Id } from "@convex/_generated/dataModel";

export const Route = createFileRoute("/org/$slug/programs/$programId/")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading program…" />,
  head: () => ({ meta: [{ title: "Program · ASTN Orgs" }] }),
  component: function ProgramRoute() {
    const { slug, programId } = Route.useParams();
    return <ProgramPage slug={slug} programId={programId as Id<"programs">} />;
  },
});
