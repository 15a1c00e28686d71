import { useQuery } from "@tanstack/react-query";

import { viewerQuery } from "~/components/auth/data";
import { PendingPrompts } from "~/components/attendance/pending-prompts";
import { UpcomingEvents } from "~/components/events/upcoming-events";
import { MyPrograms } from "~/components/programs/my-programs";
import { DashboardSide } from "./dashboard-side";
import { HOME_LAYOUT, HomeSkeleton } from "./home-skeleton";
import { MyOrgs } from "./my-orgs";
import { SuggestedOrgs } from "./suggested-orgs";

/** The signed-in member's dashboard: upcoming events, their orgs, suggestions; beside them what's next. */
export function HomePage() {
  const viewer = useQuery(viewerQuery());

  if (viewer.isPending) return <HomeSkeleton />;
  const name = viewer.data?.name || viewer.data?.email || "there";

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">Welcome, {name}</h1>
      <p className="text-muted-foreground mt-2">Here's what's happening across your organizations.</p>
      <div className={HOME_LAYOUT}>
        <div className="grid min-w-0 content-start gap-10">
          <PendingPrompts />
          <UpcomingEvents />
          <MyPrograms />
          <MyOrgs />
          <SuggestedOrgs />
        </div>
        {/* After the main list on phones; there it leaves out what the list above already shows. */}
        <aside aria-label="At a glance">
          <DashboardSide />
        </aside>
      </div>
    </div>
  );
}
