import { Link } from "@tanstack/react-router";

import { StatsHeadline } from "~/components/crm/stats-headline";
import { Skeleton } from "~/components/ui/skeleton";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useOrg, useUpdateOrgMutation } from "./data";
import { ImageUpload } from "~/components/images/image-upload";
import { useRemoveOrgLogoMutation, useSetOrgLogoMutation } from "~/components/images/data";
import { InviteLinks } from "./invite-links";
import { JoinRequests } from "./join-requests";
import { OrgForm, type OrgFormValues } from "./org-form";
import { AdminOnly } from "./org-states";
import type { OrgPage } from "./types";

/** Admins only: invite links and the org's settings. */
function toFormValues(org: OrgPage): OrgFormValues {
  return {
    name: org.name,
    slug: org.slug,
    description: org.description ?? "",
    city: org.location?.city ?? "",
    country: org.location?.country ?? "",
    website: org.website ?? "",
    // An uploaded logo replaces the link (its URL is the storage's, not the admin's).
    logoUrl: org.hasUploadedLogo ? "" : (org.logoUrl ?? ""),
    contactEmail: org.contactEmail ?? "",
    contactUrl: org.contactUrl ?? "",
    visibility: org.visibility,
    joinPolicy: org.joinPolicy,
    timezone: org.timezone ?? "",
  };
}

/** An org's admin tools: invite links and the org's settings. */
export function AdminPage({ slug }: { slug: string }) {
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  const updateOrg = useUpdateOrgMutation();
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
      <StatsHeadline orgId={org._id} slug={org.slug} />
      {org.visibility === "public" && org.joinPolicy === "request" ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Requests to join</h2>
            </CardTitle>
            <CardDescription>
              {org.name} approves new members. Approving makes the person a member at once.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <JoinRequests orgId={org._id} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Invite links</h2>
          </CardTitle>
          <CardDescription>
            Anyone with an active link can join {org.name} as a member
            {org.visibility === "public" && org.joinPolicy === "request" ? ", without waiting for approval" : ""}. Links
            are unguessable; add an expiry or a use limit for extra control.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <InviteLinks orgId={org._id} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Logo</h2>
          </CardTitle>
          <CardDescription>Shown on the org page, its events and in search.</CardDescription>
        </CardHeader>
        <CardContent>
          <LogoUpload org={org} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Organization settings</h2>
          </CardTitle>
          <CardDescription>
            The address /org/{org.slug} is permanent. Manage roles and see member profiles on the{" "}
            <Link
              to="/org/$slug/members"
              params={{ slug: org.slug }}
              className="text-primary underline-offset-4 hover:underline"
            >
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
              await updateOrg.mutateAsync({ orgId: org._id, ...fields });
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}

function LogoUpload({ org }: { org: OrgPage }) {
  const upload = useSetOrgLogoMutation(org._id);
  const remove = useRemoveOrgLogoMutation(org._id);
  return (
    <ImageUpload
      label="Logo"
      shape="square"
      imageUrl={org.hasUploadedLogo ? org.logoUrl : undefined}
      upload={upload}
      remove={remove}
    />
  );
}
