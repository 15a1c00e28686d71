import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { CalendarDays, Users } from "lucide-react";

import { PageSkeleton } from "~/components/layout/page-skeleton";
import { Card, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { api } from "../../../convex/_generated/api";

export const Route = createFileRoute("/_authed/home")({
  head: () => ({ meta: [{ title: "Home · ASTN Orgs" }] }),
  component: HomePage,
});

function HomePage() {
  const viewer = useQuery(convexQuery(api.users.queries.viewer, {}));

  if (viewer.isPending) return <PageSkeleton />;
  const name = viewer.data?.name || viewer.data?.email || "there";

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">Welcome, {name}</h1>
      <p className="text-muted-foreground mt-2">
        Here's what's happening across your organizations.
      </p>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <div className="bg-secondary text-secondary-foreground mb-2 flex size-9 items-center justify-center rounded-lg">
              <Users className="size-5" aria-hidden="true" />
            </div>
            <CardTitle>Your organizations</CardTitle>
            <CardDescription>
              You haven't joined an organization yet. Ask an organizer for an invite link.
            </CardDescription>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <div className="bg-secondary text-secondary-foreground mb-2 flex size-9 items-center justify-center rounded-lg">
              <CalendarDays className="size-5" aria-hidden="true" />
            </div>
            <CardTitle>Upcoming events</CardTitle>
            <CardDescription>
              Events from your organizations will show up here once you join one.
            </CardDescription>
          </CardHeader>
        </Card>
      </div>
    </div>
  );
}
