// The member's engagement on the record. Until the engagement feature's shared components land,
// this renders the level and history itself; swapping in theirs is the one line marked below.
import { useQuery } from "@tanstack/react-query";

import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { formatDate } from "~/lib/format-date";
import type { Id } from "@convex/_generated/dataModel";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_SOURCE_LABELS, type EngagementLevel } from "@convex/lib/vocabulary";
import { memberEngagementQuery, useMemberEngagementHistory } from "./data";

type Props = { orgId: Id<"organizations">; userId: Id<"users"> };

const LEVEL_VARIANT: Record<EngagementLevel, "default" | "secondary" | "success" | "muted" | "destructive"> = {
  highly_engaged: "success",
  engaged: "default",
  moderately_engaged: "secondary",
  low_engagement: "muted",
  inactive: "destructive",
};

export function RecordLevelBadge({ level }: { level: EngagementLevel }) {
  return <Badge variant={LEVEL_VARIANT[level]}>{ENGAGEMENT_LEVEL_LABELS[level]}</Badge>;
}

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
              <RecordLevelBadge level={e.effectiveLevel} />
              <span className="text-muted-foreground text-xs">{ENGAGEMENT_SOURCE_LABELS[e.source]}</span>
            </div>
            {e.override ? (
              <p>
                Set by an admin on {formatDate(e.override.at)}: “{e.override.reason}” (computed:{" "}
                {ENGAGEMENT_LEVEL_LABELS[e.computedLevel]}, score {e.score}).
              </p>
            ) : null}
            {e.explanation ? <p className="text-muted-foreground">{e.explanation}</p> : null}
          </div>
        )}
        {/* Swap for the engagement feature's <EngagementHistory orgId={orgId} userId={userId} /> once it lands. */}
        <LevelHistory orgId={orgId} userId={userId} />
      </CardContent>
    </Card>
  );
}

function LevelHistory({ orgId, userId }: Props) {
  const history = useMemberEngagementHistory(orgId, userId);
  if (history.status === "LoadingFirstPage") return <Skeleton className="h-12" />;
  if (history.results.length === 0) return null;
  return (
    <div>
      <h4 className="mb-2 text-xs font-medium tracking-wide uppercase">Level history</h4>
      <ol className="grid gap-2">
        {history.results.map((h) => (
          <li key={h._id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="text-muted-foreground w-24 shrink-0 text-xs tabular-nums">{formatDate(h.at)}</span>
            {h.kind === "override_cleared" ? (
              <span>Override cleared{h.byName ? ` by ${h.byName}` : ""}</span>
            ) : h.level ? (
              <span className="flex flex-wrap items-center gap-1.5">
                <RecordLevelBadge level={h.level} />
                <span className="text-muted-foreground text-xs">
                  {h.kind === "override"
                    ? `Override${h.byName ? ` by ${h.byName}` : ""}`
                    : h.source
                      ? ENGAGEMENT_SOURCE_LABELS[h.source]
                      : ""}
                </span>
              </span>
            ) : null}
            {h.reason ? <span className="text-muted-foreground basis-full text-xs">“{h.reason}”</span> : null}
          </li>
        ))}
      </ol>
      <LoadMore status={history.status} onLoadMore={() => history.loadMore(10)} label="Earlier levels" />
    </div>
  );
}
