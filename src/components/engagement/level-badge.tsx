import { cn } from "~/lib/utils";
import type { EngagementLevel } from "@convex/lib/vocabulary";
import { ENGAGEMENT_LEVEL_LABELS, LEVEL_COLORS } from "./labels";

/** A member's engagement level as a coloured chip (the colour matches the distribution chart). */
export function LevelBadge({ level, className }: { level: EngagementLevel; className?: string }) {
  return (
    <span
      data-slot="level-badge"
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        LEVEL_COLORS[level].badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", LEVEL_COLORS[level].dot)} />
      {ENGAGEMENT_LEVEL_LABELS[level]}
    </span>
  );
}
