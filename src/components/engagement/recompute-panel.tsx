import { useQuery } from "@tanstack/react-query";
import { Calculator, CheckCircle2, Loader2, RefreshCw, TriangleAlert } from "lucide-react";

import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Progress } from "~/components/ui/progress";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { plural } from "~/lib/format";
import { formatRelative } from "~/lib/format-date";
import type { Id } from "@convex/_generated/dataModel";
import { latestRunQuery, useRecomputeNowMutation, type EngagementRun } from "./data";
import { ENGAGEMENT_RULES_REASON_LABELS, formatCount, formatUsd, RUN_MODE_LABELS } from "./labels";

export function isActive(run: EngagementRun | null | undefined) {
  return run?.status === "running" || run?.status === "waiting_for_batch";
}

/** "Recompute now", the latest run's live progress (a subscription to its record), and its cost after. */
export function RecomputePanel({ orgId }: { orgId: Id<"organizations"> }) {
  const { data: run, isPending } = useQuery(latestRunQuery(orgId));
  const recompute = useRecomputeNowMutation();
  const error = expectedErrorMessage(recompute.error);
  // From the click until the mutation returns (by then the subscription has the new run), the bar shows it starting.
  const starting = recompute.isPending;
  const active = starting || isActive(run);

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold">Scoring runs</h2>
          <p className="text-muted-foreground text-sm">
            Every Sunday at 00:00 UTC, or now. Only members whose signals changed go to Claude.
          </p>
        </div>
        <Button onClick={() => recompute.mutate({ orgId })} disabled={active || recompute.isPending || isPending}>
          {active || recompute.isPending ? (
            <Loader2 className="animate-spin" aria-hidden="true" />
          ) : (
            <RefreshCw aria-hidden="true" />
          )}
          {active ? "Recomputing…" : "Recompute now"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
      {starting ? (
        <Starting />
      ) : isPending ? (
        <Skeleton className="h-20" />
      ) : run ? (
        <RunStatus run={run} />
      ) : (
        <NoRunYet />
      )}
    </div>
  );
}

function Starting() {
  return (
    <div className="bg-muted/40 grid gap-2 rounded-lg border px-4 py-3" data-testid="run-progress">
      <span className="text-sm font-medium" id="run-progress-label">
        Starting the run…
      </span>
      <Progress value={0} aria-labelledby="run-progress-label" />
    </div>
  );
}

function NoRunYet() {
  return (
    <p className="text-muted-foreground rounded-lg border border-dashed px-4 py-3 text-sm">
      No run yet. The first one scores every member with the rules and, when an API key is configured, asks Claude.
    </p>
  );
}

function RunStatus({ run }: { run: EngagementRun }) {
  const total = Math.max(run.membersTotal, run.membersDone, 1);
  const pct = Math.round((run.membersDone / total) * 100);
  if (isActive(run)) {
    return (
      <div className="bg-muted/40 grid gap-2 rounded-lg border px-4 py-3" data-testid="run-progress">
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-medium" id="run-progress-label">
            {run.status === "waiting_for_batch" ? "Waiting for the batch to come back…" : "Scoring members…"}
          </span>
          <span className="text-muted-foreground tabular-nums" aria-live="polite">
            {formatCount(run.membersDone)} of {formatCount(run.membersTotal)}
          </span>
        </div>
        <Progress value={pct} aria-labelledby="run-progress-label" />
        <RunFacts run={run} />
      </div>
    );
  }
  const failed = run.status === "failed";
  return (
    <div className="grid gap-2 rounded-lg border px-4 py-3" data-testid="last-run">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {failed ? (
          <TriangleAlert className="text-destructive size-4" aria-hidden="true" />
        ) : (
          <CheckCircle2 className="text-success size-4" aria-hidden="true" />
        )}
        <span className="font-medium">
          {failed ? "The last run failed" : "Last run finished"}{" "}
          {run.finishedAt ? formatRelative(run.finishedAt) : formatRelative(run.startedAt)}
        </span>
        <Badge variant="muted">{RUN_MODE_LABELS[run.mode]}</Badge>
      </div>
      <RunFacts run={run} />
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-t pt-2 text-sm">
        <span className="text-muted-foreground text-xs tabular-nums">
          {formatCount(run.inputTokens)} tokens in · {formatCount(run.outputTokens)} out ·{" "}
          {plural(run.llmRequests, "request")}
        </span>
        <span>
          Cost{" "}
          <span className="font-semibold tabular-nums" data-testid="run-cost">
            {formatUsd(run.estimatedCostUsd)}
          </span>
        </span>
      </div>
    </div>
  );
}

function RunFacts({ run }: { run: EngagementRun }) {
  return (
    <>
      {run.rulesReason ? (
        <p className="flex items-start gap-2 rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <Calculator className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {ENGAGEMENT_RULES_REASON_LABELS[run.rulesReason]}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Fact label="Members" value={formatCount(run.membersTotal)} />
        <Fact label="Sent to Claude" value={formatCount(run.sentToModel)} />
        <Fact label="Carried over" value={formatCount(run.carriedOver)} />
        <Fact label="Fallbacks" value={formatCount(run.fallbacks)} />
      </dl>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="bg-background/60 flex flex-col-reverse rounded-md border px-2 py-1.5">
      <dt className="text-muted-foreground text-[11px] leading-tight">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
