import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import type { Id } from "@convex/_generated/dataModel";
import { communityStatsQuery } from "./data";
import { StatsFigures } from "./stats-figures";

/** The org admin home's headline numbers (last 30 days), linking to the full stats. */
export function StatsHeadline({ orgId, slug }: { orgId: Id<"organizations">; slug: string }) {
  const stats = useQuery(communityStatsQuery(orgId, 30));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Community at a glance</h2>
        </CardTitle>
        <CardDescription>
          The last 30 days.{" "}
          <Link to="/org/$slug/stats" params={{ slug }} className="text-primary underline-offset-4 hover:underline">
            See all community stats
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {stats.data === undefined ? (
          <div role="status" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <span className="sr-only">Loading stats…</span>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-20" />
            ))}
          </div>
        ) : (
          <StatsFigures stats={stats.data} compact />
        )}
      </CardContent>
    </Card>
  );
}
