// The member's engagement on the record: the effective level with its explanation and source,
// and the engagement feature's own history of levels and overrides.
import { useQuery } from "@tanstack/react-query";

import { EngagementHistory } from "~/components/engagement/engagement-history";
import { LevelBadge } from "~/components/engagement/level-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_SOURCE_LABELS } from "@convex/lib/vocabulary";
import { memberEngagementQuery } from "./data";

type Props = { orgId: Id<"organizations">; userId: Id<"users"> };

export function RecordEngagement({ orgId, userId }: Props) {
  const engagement = useQuery(memberEngagementQuery(orgId, userId));
  const e = engagement.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3>Engagement</h3>
        </CardTitle>
        <CardDescription>The level every list and export uses, and how it came about.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {e === undefined ? (
          <Skeleton className="h-16" />
        ) : e === null ? (
          <p className="text-muted-foreground">Not scored yet: levels appear after the next engagement run.</p>
        ) : (
          <div className="grid gap-2" aria-label="Engagement level">
            <div className="flex flex-wrap items-center gap-2">
              <LevelBadge level={e.effectiveLevel} />
              <span className="text-muted-foreground text-xs">{ENGAGEMENT_SOURCE_LABELS[e.source]}</span>
            </div>
            {e.override ? (
              <p>
                Set by an admin on {formatDay(e.override.at)}: “{e.override.reason}” (computed:{" "}
                {ENGAGEMENT_LEVEL_LABELS[e.computedLevel]}, score {e.score}).
              </p>
            ) : null}
            {e.explanation ? <p className="text-muted-foreground">{e.explanation}</p> : null}
          </div>
        )}
        <div>
          <h4 className="mb-2 text-xs font-medium tracking-wide uppercase">Level history</h4>
          <EngagementHistory orgId={orgId} userId={userId} />
        </div>
      </CardContent>
    </Card>
  );
}
