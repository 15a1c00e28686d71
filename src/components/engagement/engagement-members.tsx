import { UsersRound } from "lucide-react";
import { useCallback, useEffect, useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import type { EngagementLevel, EngagementSource } from "@convex/lib/vocabulary";
import { useMembersByLevel, type MemberEngagement } from "./data";
import { EngagementHistory } from "./engagement-history";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_LEVELS, ENGAGEMENT_SOURCES, LEVEL_COLORS } from "./labels";
import { MemberRow } from "./member-row";
import { OverrideDialog } from "./override-dialog";

const PAGE_SIZE = 10;

const SOURCE_FILTER_LABELS: Record<EngagementSource, string> = {
  model: "Claude",
  rules: "Rules",
  override: "Overrides",
};

/**
 * Members grouped by level, most engaged first: one server-paginated list per level (an index
 * per level and source), so the order is the levels' and nothing is filtered in the browser.
 */
export function EngagementMembers({
  orgId,
  counts,
  level,
  onLevelChange,
}: {
  orgId: Id<"organizations">;
  counts: Record<EngagementLevel, number>;
  level: EngagementLevel | "";
  onLevelChange: (level: EngagementLevel | "") => void;
}) {
  const [source, setSource] = useState<EngagementSource | "">("");
  const [overriding, setOverriding] = useState<MemberEngagement | null>(null);
  const [historyOf, setHistoryOf] = useState<MemberEngagement | null>(null);
  const [empty, setEmpty] = useState<Partial<Record<EngagementLevel, boolean>>>({});
  const onSettled = useCallback(
    (l: EngagementLevel, isEmpty: boolean) => setEmpty((e) => (e[l] === isEmpty ? e : { ...e, [l]: isEmpty })),
    [],
  );
  const levels = level !== "" ? [level] : ENGAGEMENT_LEVELS.filter((l) => counts[l] > 0);
  const nothing = levels.length === 0 || levels.every((l) => empty[l] === true);
  const filtered = level !== "" || source !== "";

  return (
    <section aria-labelledby="engagement-members-title">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="engagement-members-title" className="text-lg font-semibold">
            Members by level
          </h2>
          <p className="text-muted-foreground text-sm">Most engaged first · explanations are for admins only</p>
        </div>
        <div className="grid grid-cols-2 gap-3 sm:flex sm:items-end">
          <div className="grid gap-1.5">
            <Label htmlFor="engagement-level-filter" className="text-xs">
              Level
            </Label>
            <NativeSelect
              id="engagement-level-filter"
              value={level}
              onChange={(e) => onLevelChange(e.target.value as EngagementLevel | "")}
              className="sm:w-48"
            >
              <option value="">All levels</option>
              {ENGAGEMENT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {ENGAGEMENT_LEVEL_LABELS[l]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="engagement-source-filter" className="text-xs">
              Source
            </Label>
            <NativeSelect
              id="engagement-source-filter"
              value={source}
              onChange={(e) => setSource(e.target.value as EngagementSource | "")}
              className="sm:w-40"
            >
              <option value="">All sources</option>
              {ENGAGEMENT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_FILTER_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </div>
        </div>
      </div>

      <div className="mt-4 grid gap-5">
        {levels.map((l) => (
          <LevelGroup
            key={`${l}-${source}`}
            orgId={orgId}
            level={l}
            source={source}
            onSettled={onSettled}
            onOverride={setOverriding}
            onHistory={setHistoryOf}
          />
        ))}
        {nothing ? (
          <EmptyState icon={UsersRound} title={filtered ? "Nobody matches these filters" : "No scores yet"}>
            {filtered
              ? "Try another level or source."
              : "Press “Recompute now” to score every member; the weekly run does it on Sundays."}
          </EmptyState>
        ) : null}
      </div>

      <OverrideDialog orgId={orgId} member={overriding} onOpenChange={(open) => !open && setOverriding(null)} />
      <Dialog open={historyOf !== null} onOpenChange={(open) => !open && setHistoryOf(null)}>
        <DialogContent className="max-h-[85dvh] sm:max-w-lg">
          <DialogHeader>
            <DialogTitle className="leading-snug">{historyOf?.name}'s engagement history</DialogTitle>
            <DialogDescription>Every computed level and every override, newest first.</DialogDescription>
          </DialogHeader>
          {historyOf ? <EngagementHistory orgId={orgId} userId={historyOf.userId} /> : null}
        </DialogContent>
      </Dialog>
    </section>
  );
}

function LevelGroup({
  orgId,
  level,
  source,
  onSettled,
  onOverride,
  onHistory,
}: {
  orgId: Id<"organizations">;
  level: EngagementLevel;
  source: EngagementSource | "";
  onSettled: (level: EngagementLevel, isEmpty: boolean) => void;
  onOverride: (member: MemberEngagement) => void;
  onHistory: (member: MemberEngagement) => void;
}) {
  const { results, status, loadMore } = useMembersByLevel(orgId, level, source, PAGE_SIZE);
  const isEmpty = status === "Exhausted" && results.length === 0;
  useEffect(() => {
    if (status !== "LoadingFirstPage") onSettled(level, isEmpty);
  }, [level, status, isEmpty, onSettled]);
  if (isEmpty) return null;
  const headingId = `engagement-group-${level}`;
  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <span aria-hidden="true" className={cn("size-2.5 rounded-full", LEVEL_COLORS[level].dot)} />
        {ENGAGEMENT_LEVEL_LABELS[level]}
      </h3>
      {status === "LoadingFirstPage" ? (
        <MembersSkeleton />
      ) : (
        <ul
          aria-label={`${ENGAGEMENT_LEVEL_LABELS[level]} members`}
          className="bg-card divide-y rounded-xl border shadow-sm"
        >
          {results.map((member) => (
            <MemberRow
              key={member.userId}
              orgId={orgId}
              member={member}
              onOverride={() => onOverride(member)}
              onHistory={() => onHistory(member)}
            />
          ))}
        </ul>
      )}
      <LoadMore
        status={status}
        onLoadMore={() => loadMore(PAGE_SIZE)}
        label={`More ${ENGAGEMENT_LEVEL_LABELS[level].toLowerCase()} members`}
      />
    </div>
  );
}

function MembersSkeleton() {
  return (
    <div role="status" aria-busy="true" className="bg-card divide-y rounded-xl border">
      <span className="sr-only">Loading members…</span>
      {[0, 1].map((i) => (
        <div key={i} className="flex items-start gap-4 p-4">
          <div className="flex-1 space-y-2">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-4 w-3/4" />
          </div>
          <Skeleton className="h-8 w-14" />
        </div>
      ))}
    </div>
  );
}
