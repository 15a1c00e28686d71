import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { formatTimestamp } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { useRuns, type EngagementRun } from "./data";
import { formatCount, formatUsd, RUN_MODE_LABELS, RUN_STATUS_LABELS } from "./labels";

const PAGE_SIZE = 5;

function statusVariant(status: EngagementRun["status"]) {
  if (status === "completed") return "success" as const;
  if (status === "failed") return "destructive" as const;
  return "secondary" as const;
}

function when(ms: number) {
  return formatTimestamp(ms);
}

/** Past runs, newest first: how each scored, its counts, tokens and cost. */
export function RunList({ orgId }: { orgId: Id<"organizations"> }) {
  const { results, status, loadMore } = useRuns(orgId, PAGE_SIZE);
  if (status === "LoadingFirstPage") return <Skeleton className="h-24" />;
  if (results.length === 0) return <p className="text-muted-foreground text-sm">No runs yet.</p>;
  return (
    <div>
      <ul aria-label="Scoring runs" className="grid gap-2 sm:hidden">
        {results.map((run) => (
          <li key={run._id} className="grid gap-1.5 rounded-lg border px-3 py-2.5 text-sm" data-testid="run-card">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{when(run.startedAt)}</span>
              <Badge variant={statusVariant(run.status)}>{RUN_STATUS_LABELS[run.status]}</Badge>
            </div>
            <div className="text-muted-foreground text-xs">
              {run.trigger === "cron" ? "Weekly" : "Manual"} · {RUN_MODE_LABELS[run.mode]}
              {run.rulesReason ? ` (${run.rulesReason === "no_api_key" ? "no API key" : "over budget"})` : ""}
            </div>
            <div className="flex items-baseline justify-between gap-2 text-xs tabular-nums">
              <span>
                {formatCount(run.membersTotal)} members · {formatCount(run.sentToModel)} to Claude ·{" "}
                {formatCount(run.carriedOver)} kept · {formatCount(run.fallbacks)} fallback
              </span>
              <span className="text-sm font-semibold">{formatUsd(run.estimatedCostUsd)}</span>
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border sm:block">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Scoring runs</caption>
          <thead className="bg-muted/50 text-muted-foreground text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Started
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Scorer
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Members
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                To Claude / kept / fallback
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Tokens in / out
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Cost
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {results.map((run) => (
              <tr key={run._id} data-testid="run-row">
                <td className="px-3 py-2 whitespace-nowrap">
                  {when(run.startedAt)}
                  <span className="text-muted-foreground ml-1 text-xs">
                    {run.trigger === "cron" ? "weekly" : "manual"}
                  </span>
                </td>
                <td className="px-3 py-2">
                  <Badge variant={statusVariant(run.status)}>{RUN_STATUS_LABELS[run.status]}</Badge>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {RUN_MODE_LABELS[run.mode]}
                  {run.rulesReason ? (
                    <span className="text-muted-foreground block text-xs">
                      {run.rulesReason === "no_api_key" ? "no API key" : "over budget"}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(run.membersTotal)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatCount(run.sentToModel)} / {formatCount(run.carriedOver)} / {formatCount(run.fallbacks)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatCount(run.inputTokens)} / {formatCount(run.outputTokens)}
                </td>
                <td className="px-3 py-2 text-right font-medium tabular-nums">{formatUsd(run.estimatedCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Older runs" />
    </div>
  );
}
