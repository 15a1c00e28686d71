import { useQuery } from "@tanstack/react-query";

import { viewerQuery } from "~/components/auth/data";
import { PendingPrompts } from "~/components/attendance/pending-prompts";
import { UpcomingEvents } from "~/components/events/upcoming-events";
import { Skeleton } from "~/components/ui/skeleton";
import { DashboardSide, DashboardSideSkeleton } from "./dashboard-side";
import { MyOrgs } from "./my-orgs";
import { SuggestedOrgs } from "./suggested-orgs";

const layout = "mt-8 grid gap-10 lg:grid-cols-[1fr_18rem]";

/** The signed-in member's dashboard: upcoming events, their orgs, suggestions; beside them what's next. */
export function HomePage() {
  const viewer = useQuery(viewerQuery());

  if (viewer.isPending) return <HomeSkeleton />;
  const name = viewer.data?.name || viewer.data?.email || "there";

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">Welcome, {name}</h1>
      <p className="text-muted-foreground mt-2">Here's what's happening across your organizations.</p>
      <div className={layout}>
        <div className="grid min-w-0 content-start gap-10">
          <PendingPrompts />
          <UpcomingEvents />
          <MyOrgs />
          <SuggestedOrgs />
        </div>
        <aside aria-label="At a glance" className="order-first lg:order-none">
          <DashboardSide />
        </aside>
      </div>
    </div>
  );
}

/** The dashboard's shape (heading, event list, side column) while the viewer loads. */
export function HomeSkeleton() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6" role="status" aria-busy="true">
      <span className="sr-only">Loading your dashboard…</span>
      <Skeleton className="h-8 w-64 max-w-full sm:h-9" />
      <Skeleton className="mt-3 h-5 w-80 max-w-full" />
      <div className={layout}>
        <div className="grid min-w-0 content-start gap-3">
          <Skeleton className="mb-1 h-6 w-40" />
          <Skeleton className="h-28 rounded-xl" />
          <Skeleton className="h-28 rounded-xl" />
        </div>
        <div className="order-first lg:order-none">
          <DashboardSideSkeleton />
        </div>
      </div>
    </div>
  );
}
