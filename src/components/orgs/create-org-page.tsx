import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";

import { PageHeader } from "~/components/common/page-header";
import { Card, CardContent } from "~/components/ui/card";
import { useCreateOrgMutation } from "./data";
import { OrgForm } from "./org-form";

/** Creating an organization; its creator becomes its first admin. */
export function CreateOrgPage() {
  const createOrg = useCreateOrgMutation();
  const navigate = useNavigate();

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <Link
        to="/orgs"
        className="text-muted-foreground hover:text-foreground mb-4 inline-flex items-center gap-1 text-sm"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All organizations
      </Link>
      <PageHeader
        title="Create an organization"
        description="You'll be its first admin. You can change everything except the address later."
      />
      <Card className="mt-8">
        <CardContent>
          <OrgForm
            mode="create"
            submitLabel="Create organization"
            onSubmit={async (args) => {
              const { slug } = await createOrg.mutateAsync(args);
              await navigate({ to: "/org/$slug", params: { slug } });
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
