import { useQuery } from "@tanstack/react-query";

import { Skeleton } from "~/components/ui/skeleton";
import type { Id } from "@convex/_generated/dataModel";
import { scoringRulesQuery } from "./data";
import { ENGAGEMENT_LEVEL_LABELS, FACTOR_LABELS } from "./labels";
import { LevelBadge } from "./level-badge";

/** How the rule-based scorer works, from the scorer itself (so the page can't drift from the code). */
export function ScoringRules({ orgId }: { orgId: Id<"organizations"> }) {
  const { data } = useQuery(scoringRulesQuery(orgId));
  if (!data) return <Skeleton className="h-40" />;
  return (
    <div className="grid gap-5 text-sm">
      <p className="text-muted-foreground">
        Every run scores every member with these rules: they are the baseline, the fallback when Claude can't answer,
        and the check on its answers. Claude sees only numbers, never names or anything a member wrote.
      </p>
      <div>
        <h3 className="mb-2 font-medium">Points (out of 100)</h3>
        <ul className="grid gap-2">
          {data.factors.map((f) => (
            <li key={f.key} className="grid grid-cols-[3rem_1fr] gap-3">
              <span className="bg-muted rounded-md py-0.5 text-center font-semibold tabular-nums">{f.maxPoints}</span>
              <span>
                <span className="font-medium">{FACTOR_LABELS[f.key] ?? f.key}</span>
                <span className="text-muted-foreground"> — {f.description}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-2 font-medium">Levels</h3>
        <ul className="flex flex-wrap gap-2" aria-label="Score bands">
          {data.bands.map((b) => (
            <li key={b.level} className="flex items-center gap-1.5 rounded-md border px-2 py-1">
              <LevelBadge level={b.level} />
              <span
                className="text-muted-foreground tabular-nums"
                aria-label={`${ENGAGEMENT_LEVEL_LABELS[b.level]}: ${b.min} to ${b.max}`}
              >
                {b.min}–{b.max}
              </span>
            </li>
          ))}
        </ul>
        <p className="text-muted-foreground mt-2">
          A promotion takes effect at once; a level drops at most once every {data.demotionCooldownDays} days, so a
          member away for a few weeks doesn't flap. Scorer version {data.version}.
        </p>
      </div>
    </div>
  );
}
