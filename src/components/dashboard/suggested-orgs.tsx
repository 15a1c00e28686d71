import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { MapPin } from "lucide-react";

import { OrgCard } from "~/components/orgs/org-card";
import { Skeleton } from "~/components/ui/skeleton";
import { Button } from "~/components/ui/button";
import { suggestedOrgsQuery } from "~/components/orgs/data";

/** Public orgs near the member, only when they opted in to sharing their location. */
export function SuggestedOrgs() {
  const suggestions = useQuery(suggestedOrgsQuery());

  return (
    <section aria-labelledby="suggested-title">
      <h2 id="suggested-title" className="mb-3 text-lg font-semibold">
        Suggested near you
      </h2>
      {suggestions.isPending ? (
        <div role="status" className="grid gap-3 sm:grid-cols-2">
          <span className="sr-only">Loading suggestions…</span>
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : suggestions.isError ? (
        <Hint>We couldn't load suggestions right now.</Hint>
      ) : suggestions.data.status === "opted_out" ? (
        <Hint
          action={
            <Button asChild size="sm" variant="outline">
              <Link to="/settings" hash="privacy">
                Turn on location sharing
              </Link>
            </Button>
          }
        >
          Suggestions use your city, and only if you allow it. Turn on “Share my location for org suggestions” in your
          privacy settings.
        </Hint>
      ) : suggestions.data.status === "no_location" ? (
        <Hint
          action={
            <Button asChild size="sm" variant="outline">
              <Link to="/profile">Add your city</Link>
            </Button>
          }
        >
          You've allowed location-based suggestions. Add your city and country to your profile to see organizations near
          you.
        </Hint>
      ) : suggestions.data.orgs.length === 0 ? (
        <Hint
          action={
            <Button asChild size="sm" variant="outline">
              <Link to="/orgs">Browse all organizations</Link>
            </Button>
          }
        >
          No public organizations near you yet.
        </Hint>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {suggestions.data.orgs.map((org) => (
            <li key={org._id}>
              <OrgCard org={org} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Hint({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="bg-muted/40 flex flex-col gap-3 rounded-xl border border-dashed p-4 sm:flex-row sm:items-center">
      <MapPin className="text-muted-foreground size-5 shrink-0" aria-hidden="true" />
      <p className="text-muted-foreground flex-1 text-sm">{children}</p>
      {action}
    </div>
  );
}
