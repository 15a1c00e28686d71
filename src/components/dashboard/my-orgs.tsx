import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Compass, Plus, Users } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { OrgCard } from "~/components/orgs/org-card";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { toFormError } from "~/lib/errors";
import { myOrgsQuery } from "~/components/orgs/data";

export function MyOrgs() {
  const mine = useQuery(myOrgsQuery());

  return (
    <section aria-labelledby="my-orgs-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h2 id="my-orgs-title" className="text-lg font-semibold whitespace-nowrap">
          Your organizations
        </h2>
        <Button asChild size="sm" variant="outline">
          <Link to="/orgs/new">
            <Plus aria-hidden="true" />
            Create organization
          </Link>
        </Button>
      </div>
      {mine.isPending ? (
        <div role="status" className="grid gap-3 sm:grid-cols-2">
          <span className="sr-only">Loading your organizations…</span>
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : mine.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{toFormError(mine.error).message}</AlertDescription>
        </Alert>
      ) : mine.data.length === 0 ? (
        <EmptyState
          icon={Users}
          title="You haven't joined an organization yet"
          action={
            <Button asChild variant="outline" size="sm">
              <Link to="/orgs">
                <Compass aria-hidden="true" />
                Browse organizations
              </Link>
            </Button>
          }
        >
          Ask an organizer for an invite link, or start your own.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {mine.data.map(({ org, role }) => (
            <li key={org._id}>
              <OrgCard
                org={org}
                badge={role === "admin" ? <Badge>Admin</Badge> : <Badge variant="muted">Member</Badge>}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
