import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useOrg } from "~/components/orgs/data";
import { AdminOnly } from "~/components/orgs/org-states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import type { EngagementLevel } from "@convex/lib/vocabulary";
import { BudgetEditor } from "./budget-editor";
import { levelDistributionQuery } from "./data";
import { EngagementMembers } from "./engagement-members";
import { LevelChart } from "./level-chart";
import { RecomputePanel } from "./recompute-panel";
import { RunList } from "./run-list";
import { ScoringRules } from "./scoring-rules";

/** An org's Engagement view (admins only): distribution, members by level, runs, budget and the rules. */
export function EngagementPage({ slug }: { slug: string }) {
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  if (!org || authLoading) return <EngagementSkeleton />;
  if (org.viewerRole !== "admin") {
    return <AdminOnly orgName={org.name} slug={org.slug} signedIn={isAuthenticated} />;
  }
  return <EngagementView orgId={org._id} />;
}

function EngagementView({ orgId }: { orgId: Id<"organizations"> }) {
  const [level, setLevel] = useState<EngagementLevel | "">("");
  const { data: distribution } = useQuery(levelDistributionQuery(orgId));

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Level distribution</h2>
            </CardTitle>
            <CardDescription>
              {distribution
                ? distribution.scored > 0
                  ? `${plural(distribution.scored, "member")} scored · select a level to list its members`
                  : "Nobody has been scored yet: recompute to score every member"
                : "Loading…"}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {!distribution ? (
              <Skeleton className="h-44" />
            ) : (
              <LevelChart
                counts={distribution.counts}
                total={distribution.scored}
                selected={level}
                onSelect={setLevel}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <RecomputePanel orgId={orgId} />
          </CardContent>
        </Card>
      </div>

      {distribution ? (
        <EngagementMembers orgId={orgId} counts={distribution.counts} level={level} onLevelChange={setLevel} />
      ) : (
        <Skeleton className="h-72" />
      )}

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Run history</h2>
          </CardTitle>
          <CardDescription>What each run sent to Claude, what it kept, and what it cost.</CardDescription>
        </CardHeader>
        <CardContent>
          <RunList orgId={orgId} />
        </CardContent>
      </Card>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Monthly budget</h2>
            </CardTitle>
            <CardDescription>
              Each run’s cost is recorded; the weekly run uses the batch API at half price.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BudgetEditor orgId={orgId} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>How scores are computed</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ScoringRules orgId={orgId} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function EngagementSkeleton() {
  return (
    <div role="status" aria-busy="true" className="grid gap-6">
      <span className="sr-only">Loading engagement…</span>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
