import { useConvexMutation } from "@convex-dev/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { InviteLinks } from "~/components/orgs/invite-links";
import { OrgForm, type OrgFormValues } from "~/components/orgs/org-form";
import { AdminOnly } from "~/components/orgs/org-states";
import type { OrgPage } from "~/components/orgs/types";
import { useOrg } from "~/components/orgs/data";
import { Skeleton } from "~/components/ui/skeleton";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { api } from "../../convex/_generated/api";

/** Admins only: invite links and the org's settings. */
export const Route = createFileRoute("/org/$slug/admin")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading admin tools…" />,
  head: () => ({ meta: [{ title: "Admin · ASTN Orgs" }] }),
  component: AdminPage,
});

function toFormValues(org: OrgPage): OrgFormValues {
  return {
    name: org.name,
    slug: org.slug,
    description: org.description ?? "",
    city: org.location?.city ?? "",
    country: org.location?.country ?? "",
    website: org.website ?? "",
    logoUrl: org.logoUrl ?? "",
    contactEmail: org.contactEmail ?? "",
    visibility: org.visibility,
  };
}

function AdminPage() {
  const { slug } = Route.useParams();
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  const updateOrg = useConvexMutation(api.orgs.mutations.updateOrg);
  if (!org || authLoading) {
    return (
      <div role="status" aria-busy="true">
        <span className="sr-only">Loading…</span>
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (org.viewerRole !== "admin") {
    return <AdminOnly orgName={org.name} slug={org.slug} signedIn={isAuthenticated} />;
  }

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Invite links</h2>
          </CardTitle>
          <CardDescription>
            Anyone with an active link can join {org.name} as a member. Links are unguessable; add
            an expiry or a use limit for extra control.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <InviteLinks orgId={org._id} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Organization settings</h2>
          </CardTitle>
          <CardDescription>
            The address /org/{org.slug} is permanent. Manage roles and see member profiles on the{" "}
            <Link to="/org/$slug/members" params={{ slug: org.slug }} className="text-primary underline-offset-4 hover:underline">
              Members
            </Link>{" "}
            tab.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <OrgForm
            key={org._id}
            mode="edit"
            initial={toFormValues(org)}
            submitLabel="Save changes"
            onSubmit={async ({ slug: _slug, ...fields }) => {
              await updateOrg({ orgId: org._id, ...fields });
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
