import { cn } from "~/lib/utils";
import type { EngagementLevel } from "@convex/lib/vocabulary";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_LEVELS, LEVEL_COLORS } from "./labels";

type Counts = Record<EngagementLevel, number>;

/**
 * The level distribution as horizontal bars (plain CSS: no chart library on this page). Each bar
 * is a button that filters the member list to its level; the numbers are text, so a screen
 * reader reads the same figures the bars show.
 */
export function LevelChart({
  counts,
  total,
  selected,
  onSelect,
}: {
  counts: Counts;
  total: number;
  selected: EngagementLevel | "";
  onSelect: (level: EngagementLevel | "") => void;
}) {
  const max = Math.max(1, ...ENGAGEMENT_LEVELS.map((l) => counts[l]));
  return (
    <figure aria-labelledby="level-chart-caption">
      <figcaption id="level-chart-caption" className="sr-only">
        Members by engagement level
      </figcaption>
      {/* One stacked strip: the shape of the community at a glance. */}
      <div aria-hidden="true" className="bg-muted mb-5 flex h-3 w-full overflow-hidden rounded-full">
        {ENGAGEMENT_LEVELS.map((level) =>
          counts[level] > 0 ? (
            <div
              key={level}
              className={cn("h-full", LEVEL_COLORS[level].bar)}
              style={{ width: `${(counts[level] / Math.max(1, total)) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <ul className="grid gap-1" aria-label="Level distribution">
        {ENGAGEMENT_LEVELS.map((level) => {
          const n = counts[level];
          const pct = total > 0 ? Math.round((n / total) * 100) : 0;
          const active = selected === level;
          return (
            <li key={level}>
              <button
                type="button"
                aria-pressed={active}
                onClick={() => onSelect(active ? "" : level)}
                className={cn(
                  "hover:bg-muted/70 focus-visible:ring-ring/50 grid w-full grid-cols-[10rem_1fr_auto] items-center gap-3 rounded-md px-2 py-1.5 text-left text-sm outline-none focus-visible:ring-[3px] sm:grid-cols-[10.5rem_1fr_4.5rem]",
                  active && "bg-muted",
                )}
              >
                <span className="flex items-center gap-2 truncate">
                  <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", LEVEL_COLORS[level].dot)} />
                  <span className="truncate">{ENGAGEMENT_LEVEL_LABELS[level]}</span>
                </span>
                <span aria-hidden="true" className="bg-muted/80 h-5 overflow-hidden rounded">
                  <span
                    className={cn("block h-full rounded transition-[width] duration-500", LEVEL_COLORS[level].bar)}
                    style={{ width: `${(n / max) * 100}%`, minWidth: n > 0 ? "0.375rem" : 0 }}
                  />
                </span>
                <span className="text-right tabular-nums" data-testid={`level-count-${level}`}>
                  <span className="font-semibold">{n}</span>
                  <span className="text-muted-foreground ml-1.5 text-xs">{pct}%</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
