import { Bot, Calculator, History, ShieldCheck, Undo2 } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Skeleton } from "~/components/ui/skeleton";
import { formatTimestamp } from "~/lib/time";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { useMemberHistory, type HistoryEntry } from "./data";
import { LevelBadge } from "./level-badge";

const PAGE_SIZE = 10;

function timeOf(ms: number) {
  return formatTimestamp(ms);
}

function entryIcon(entry: HistoryEntry) {
  if (entry.kind === "override") return { Icon: ShieldCheck, tone: "bg-primary/10 text-primary" };
  if (entry.kind === "override_cleared") return { Icon: Undo2, tone: "bg-muted text-muted-foreground" };
  if (entry.source === "model")
    return { Icon: Bot, tone: "bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300" };
  return { Icon: Calculator, tone: "bg-muted text-muted-foreground" };
}

function title(entry: HistoryEntry): string {
  if (entry.kind === "override") return `Override by ${entry.byName ?? "an admin"}`;
  if (entry.kind === "override_cleared") return `Override cleared by ${entry.byName ?? "an admin"}`;
  return entry.source === "model" ? "Scored by Claude" : "Scored by the rules";
}

/**
 * One member's engagement timeline in one org, newest first: every computed level and every
 * override (with its reason) or its clearing. Admins only (the queries check).
 */
export function EngagementHistory({ orgId, userId }: { orgId: Id<"organizations">; userId: Id<"users"> }) {
  const { results, status, loadMore } = useMemberHistory(orgId, userId, PAGE_SIZE);
  if (status === "LoadingFirstPage") {
    return (
      <div role="status" aria-busy="true" className="grid gap-3">
        <span className="sr-only">Loading history…</span>
        <Skeleton className="h-14" />
        <Skeleton className="h-14" />
      </div>
    );
  }
  if (results.length === 0) {
    return (
      <EmptyState icon={History} title="No engagement history yet">
        Levels appear here after the first scoring run.
      </EmptyState>
    );
  }
  return (
    <div>
      <ol aria-label="Engagement history" className="relative grid gap-4">
        {results.map((entry, i) => {
          const { Icon, tone } = entryIcon(entry);
          return (
            <li key={entry._id} className="relative flex gap-3">
              {i < results.length - 1 ? (
                <span aria-hidden="true" className="bg-border absolute top-9 bottom-[-1rem] left-4 w-px" />
              ) : null}
              <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-full", tone)}>
                <Icon className="size-4" aria-hidden="true" />
              </span>
              <div className="min-w-0 flex-1 pt-0.5">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="text-sm font-medium">{title(entry)}</span>
                  {entry.level ? <LevelBadge level={entry.level} /> : null}
                  {entry.score !== null && entry.kind === "computed" ? (
                    <span className="text-muted-foreground text-xs tabular-nums">score {entry.score}</span>
                  ) : null}
                </div>
                <time dateTime={new Date(entry.at).toISOString()} className="text-muted-foreground text-xs">
                  {timeOf(entry.at)}
                </time>
                {entry.kind === "override" && entry.reason ? (
                  <p className="bg-muted/60 mt-1.5 rounded-md px-2.5 py-1.5 text-sm break-words">“{entry.reason}”</p>
                ) : null}
                {entry.kind === "override_cleared" && entry.level ? (
                  <p className="text-muted-foreground mt-1 text-sm">Back to the computed level.</p>
                ) : null}
                {entry.kind === "computed" && entry.explanation ? (
                  <p className="text-muted-foreground mt-1 text-sm break-words">{entry.explanation}</p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Older entries" />
    </div>
  );
}
