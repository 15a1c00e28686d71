import { useQuery } from "@tanstack/react-query";

import { viewerQuery } from "~/components/auth/data";
import { PendingPrompts } from "~/components/attendance/pending-prompts";
import { UpcomingEvents } from "~/components/events/upcoming-events";
import { MyPrograms } from "~/components/programs/my-programs";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { DisplayNameForm } from "./display-name-form";
import { MyOrgs } from "./my-orgs";
import { SuggestedOrgs } from "./suggested-orgs";

/** The signed-in member's dashboard: upcoming events, their orgs, suggestions, their name. */
export function HomePage() {
  const viewer = useQuery(viewerQuery());

  if (viewer.isPending) return <PageSkeleton />;
  const name = viewer.data?.name || viewer.data?.email || "there";

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">Welcome, {name}</h1>
      <p className="text-muted-foreground mt-2">Here's what's happening across your organizations.</p>
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_18rem]">
        <div className="grid min-w-0 content-start gap-10">
          <PendingPrompts />
          <UpcomingEvents />
          <MyPrograms />
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
