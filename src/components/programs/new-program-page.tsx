import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";

import { useOrg } from "~/components/orgs/data";
import { Card, CardContent } from "~/components/ui/card";
import { useCreateProgramMutation } from "./data";
import { newProgramValues, ProgramForm, type ProgramArgs } from "./program-form";
import { ProgramsSkeleton } from "./program-states";
import { EmptyState } from "~/components/common/empty-state";

/** Admins create a program as a draft, then add sessions and open it. */
export function NewProgramPage({ slug }: { slug: string }) {
  const { org } = useOrg(slug);
  const navigate = useNavigate();
  const create = useCreateProgramMutation();
  const [initial] = useState(newProgramValues);
  if (!org) return <ProgramsSkeleton label="Loading…" />;
  if (org.viewerRole !== "admin") {
    return <EmptyState title="Admins only">Only admins of {org.name} can create programs.</EmptyState>;
  }
  const orgId = org._id;
  async function onSubmit(args: ProgramArgs) {
    const { programId } = await create.mutateAsync({ orgId, ...args });
    await navigate({ to: "/org/$slug/programs/$programId/manage", params: { slug, programId } });
  }
  return (
    <div className="grid max-w-2xl gap-4">
      <Link
        to="/org/$slug/programs"
        params={{ slug }}
        className="text-muted-foreground hover:text-foreground inline-flex items-center gap-1 text-sm"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Programs
      </Link>
      <h2 className="text-xl font-semibold">New program</h2>
      <p className="text-muted-foreground text-sm">It starts as a draft: add its sessions, then open it to members.</p>
      <Card>
        <CardContent>
          <ProgramForm initial={initial} submitLabel="Create program" onSubmit={onSubmit} showCriteria={false} />
        </CardContent>
      </Card>
    </div>
  );
}
