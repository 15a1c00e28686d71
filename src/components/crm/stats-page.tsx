import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarPlus } from "lucide-react";
import { lazy, Suspense } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { AdminOnly } from "~/components/orgs/org-states";
import { useOrg } from "~/components/orgs/data";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { STATS_RANGE_LABELS, STATS_RANGES, type StatsRange } from "@convex/lib/vocabulary";
import { communityStatsQuery } from "./data";
import { StatsFigures } from "./stats-figures";
import { StatsPrograms } from "./stats-programs";
import { ChartsSkeleton, StatsBody, StatsSkeleton } from "./stats-skeleton";

// recharts is large: its code loads with this page only, never with the app shell.
const StatsCharts = lazy(() => import("./stats-charts"));

/** Community stats for the org's admins: headline numbers and charts over 30, 90 or 365 days. */
export function StatsPage({ slug, range }: { slug: string; range: StatsRange }) {
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  if (!org || authLoading) return <StatsSkeleton />;
  if (org.viewerRole !== "admin") {
    return <AdminOnly orgName={org.name} slug={org.slug} signedIn={isAuthenticated} />;
  }
  return <Stats orgId={org._id} slug={org.slug} range={range} />;
}

function Stats({ orgId, slug, range }: { orgId: Id<"organizations">; slug: string; range: StatsRange }) {
  const stats = useQuery({ ...communityStatsQuery(orgId, range), placeholderData: (previous) => previous });
  const data = stats.data;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold tracking-tight">Community stats</h2>
        <nav aria-label="Time range" className="bg-muted inline-flex rounded-lg p-1">
          {STATS_RANGES.map((r) => (
            <Link
              key={r}
              to="/org/$slug/stats"
              params={{ slug }}
              search={{ range: r }}
              aria-current={r === range ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
                r === range ? "bg-background shadow-sm" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {STATS_RANGE_LABELS[r]}
            </Link>
          ))}
        </nav>
      </div>
      {data === undefined ? (
        <StatsBody />
      ) : (
        <>
          <StatsFigures stats={data} />
          {data.events === 0 ? (
            <EmptyState icon={CalendarPlus} title="No events in this range yet">
              Attendance, feedback and new-versus-returning charts fill in once events happen. Publish an event, check
              people in at the door, and come back.
            </EmptyState>
          ) : null}
          <Suspense fallback={<ChartsSkeleton />}>
            <StatsCharts stats={data} />
          </Suspense>
          <StatsPrograms orgId={orgId} slug={slug} range={range} />
        </>
      )}
    </div>
  );
}
