import { Bot, Calculator, History, Loader2, ShieldCheck } from "lucide-react";

import { Button } from "~/components/ui/button";
import { expectedErrorMessage } from "~/lib/errors";
import { formatRelative } from "~/lib/format-date";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { useClearOverrideMutation, type MemberEngagement } from "./data";
import { ENGAGEMENT_SOURCE_LABELS } from "./labels";
import { LevelBadge } from "./level-badge";

function SourceTag({ member }: { member: MemberEngagement }) {
  const Icon = member.source === "override" ? ShieldCheck : member.source === "model" ? Bot : Calculator;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 text-xs",
        member.source === "override" ? "text-primary font-medium" : "text-muted-foreground",
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {ENGAGEMENT_SOURCE_LABELS[member.source]}
    </span>
  );
}

/** One member: level, score, source and explanation; an override shows the computed score beside it. */
export function MemberRow({
  orgId,
  member,
  onOverride,
  onHistory,
}: {
  orgId: Id<"organizations">;
  member: MemberEngagement;
  onOverride: () => void;
  onHistory: () => void;
}) {
  const clearOverride = useClearOverrideMutation();
  const error = expectedErrorMessage(clearOverride.error);
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start" data-testid="engagement-row">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <span className="font-medium">{member.name}</span>
          <LevelBadge level={member.effectiveLevel} />
          <SourceTag member={member} />
        </div>
        {member.override ? (
          <div className="mt-2 grid gap-1 text-sm">
            <p className="text-muted-foreground flex flex-wrap items-center gap-x-1.5 gap-y-1">
              <span>Computed:</span>
              <LevelBadge level={member.computedLevel} />
              <span className="tabular-nums" data-testid="computed-score">
                score {member.score}
              </span>
              <span aria-hidden="true">·</span>
              <span>{member.computedSource === "model" ? "Claude" : "rules"}</span>
            </p>
            <p className="break-words">
              <span className="text-muted-foreground">Reason: </span>“{member.override.reason}”
            </p>
          </div>
        ) : null}
        {member.explanation ? (
          <p className="text-muted-foreground mt-1.5 text-sm break-words">{member.explanation}</p>
        ) : null}
        {member.fallbackReason ? (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">Rule score used: {member.fallbackReason}</p>
        ) : null}
        {error ? (
          <p role="alert" className="text-destructive mt-1 text-sm">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
        <div
          className="flex items-baseline gap-1 sm:order-first"
          aria-label={`${member.override ? "Computed score" : "Score"} ${member.score} of 100`}
        >
          <span
            className={cn("text-2xl font-semibold tabular-nums", member.override && "text-muted-foreground")}
            data-testid="score"
          >
            {member.score}
          </span>
          <span className="text-muted-foreground text-xs">/100</span>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Button size="sm" variant="outline" onClick={onOverride} aria-label={`Override ${member.name}'s level`}>
            {member.override ? "Edit override" : "Override"}
          </Button>
          {member.override ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={clearOverride.isPending}
              onClick={() => clearOverride.mutate({ orgId, userId: member.userId })}
              aria-label={`Clear ${member.name}'s override`}
            >
              {clearOverride.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Clear
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onHistory} aria-label={`${member.name}'s history`}>
            <History aria-hidden="true" />
            History
          </Button>
        </div>
        <span className="text-muted-foreground text-xs">Scored {formatRelative(member.computedAt)}</span>
      </div>
    </li>
  );
}
