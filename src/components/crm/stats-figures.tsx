import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";

export type CommunityStats = FunctionReturnType<typeof api.crm.stats.communityStats>;

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The headline numbers of the community stats (no charts: cheap to show anywhere). */
export function StatsFigures({ stats, compact = false }: { stats: CommunityStats; compact?: boolean }) {
  const figures: { term: string; value: string; detail?: string }[] = [
    { term: "Members", value: String(stats.members), detail: `+${stats.joins} joined, ${stats.leaves} left` },
    { term: "Active, last 30 days", value: String(stats.active30), detail: "attended an event" },
    { term: "Active, last 90 days", value: String(stats.active90), detail: "attended an event" },
    { term: "Events held", value: String(stats.events), detail: `${stats.attended} attendances` },
    {
      term: "RSVP to attendance",
      value: percent(stats.conversion),
      detail: stats.going === 0 ? "no RSVPs yet" : `of ${stats.going} going`,
    },
    { term: "No-show rate", value: percent(stats.noShowRate), detail: `${stats.noShows} no-shows` },
    {
      term: "Average feedback",
      value: stats.averageRating === null ? "—" : `${stats.averageRating.toFixed(1)} / 5`,
      detail: `${stats.ratings} ratings`,
    },
  ];
  const shown = compact ? figures.slice(0, 4) : figures;
  return (
    <dl
      className={
        compact ? "grid grid-cols-2 gap-3 sm:grid-cols-4" : "grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7"
      }
    >
      {shown.map((f) => (
        <div key={f.term} className="bg-card rounded-lg border px-3 py-2.5">
          <dt className="text-muted-foreground text-xs">{f.term}</dt>
          <dd className="text-xl font-semibold tabular-nums">{f.value}</dd>
          {f.detail ? <dd className="text-muted-foreground text-xs">{f.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
