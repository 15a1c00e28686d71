import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";

import { DisplayNameForm } from "~/components/dashboard/display-name-form";
import { MyOrgs } from "~/components/dashboard/my-orgs";
import { SuggestedOrgs } from "~/components/dashboard/suggested-orgs";
import { UpcomingEvents } from "~/components/events/upcoming-events";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
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
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_18rem]">
        <div className="grid min-w-0 content-start gap-10">
          <UpcomingEvents />
          <MyOrgs />
          <SuggestedOrgs />
        </div>
        <aside aria-label="Account">
          <Card className="gap-4">
            <CardHeader>
              <CardTitle>Your name</CardTitle>
              <CardDescription>How organizers and other members see you.</CardDescription>
            </CardHeader>
            <CardContent>
              <DisplayNameForm key={viewer.data?.name ?? ""} name={viewer.data?.name ?? ""} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </div>
  );
}
