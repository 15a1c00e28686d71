import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BellOff, Loader2 } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { myOrgsQuery } from "~/components/orgs/data";
import { OrgAvatar } from "~/components/common/org-avatar";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useUnmuteOrgMutation } from "./data";

/** The organizations the member muted (live), each with "Unmute". */
export function MutedOrgs({ mutedOrgIds }: { mutedOrgIds: Id<"organizations">[] }) {
  const myOrgs = useQuery(myOrgsQuery());
  const unmute = useUnmuteOrgMutation();
  const pending = unmute.isPending ? unmute.variables.orgId : undefined;
  const error = expectedErrorMessage(unmute.error);

  if (myOrgs.isPending) {
    return (
      <div className="grid gap-2" role="status" aria-label="Loading muted organizations">
        <Skeleton className="h-12" />
      </div>
    );
  }
  const muted = new Set(mutedOrgIds);
  // Only orgs the member still belongs to: leaving an org already stops its notifications.
  const rows = (myOrgs.data ?? []).filter((row) => muted.has(row.org._id));

  if (rows.length === 0) {
    return (
      <EmptyState icon={BellOff} title="No muted organizations" className="py-8">
        To stop all reminders and announcements from one organization, use "Mute notifications from this organization"
        on its page.
      </EmptyState>
    );
  }

  return (
    <div className="grid gap-3">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="divide-y rounded-lg border" aria-label="Muted organizations">
        {rows.map(({ org }) => (
          <li key={org._id} className="flex items-center gap-3 px-3 py-2.5 sm:px-4">
            <OrgAvatar name={org.name} logoUrl={org.logoUrl} className="size-9 text-xs" />
            <div className="min-w-0 flex-1">
              <Link
                to="/org/$slug"
                params={{ slug: org.slug }}
                className="block truncate font-medium underline-offset-4 hover:underline"
              >
                {org.name}
              </Link>
              <p className="text-muted-foreground text-xs">No reminders or announcements</p>
            </div>
            <Button
              variant="outline"
              size="sm"
              aria-label={`Unmute ${org.name}`}
              disabled={pending === org._id}
              onClick={() => unmute.mutate({ orgId: org._id })}
            >
              {pending === org._id ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Unmute
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
