import { createFileRoute } from "@tanstack/react-router";

import { CertificatePage } from "~/components/programs/certificate-page";
import type { Id } from "@convex/_generated/dataModel";

// Outside the org layout: the page prints as the certificate alone.
export const Route = createFileRoute("/_authed/org/$slug/programs/$programId/certificate")({
  head: () => ({ meta: [{ title: "Certificate · ASTN Orgs" }] }),
  component: function CertificateRoute() {
    const { slug, programId } = Route.useParams();
    return <CertificatePage slug={slug} programId={programId as Id<"programs">} />;
  },
});
