import { createFileRoute } from "@tanstack/react-router";

import { StatsPage, StatsSkeleton } from "~/components/crm/stats-page";
import { STATS_RANGES, type StatsRange } from "@convex/lib/vocabulary";

export const Route = createFileRoute("/org/$slug/stats")({
  ssr: false,
  validateSearch: (search: Record<string, unknown>): { range?: StatsRange } => {
    const range = Number(search.range);
    return STATS_RANGES.includes(range as StatsRange) ? { range: range as StatsRange } : {};
  },
  pendingComponent: StatsSkeleton,
  head: () => ({ meta: [{ title: "Community stats · ASTN Orgs" }] }),
  component: function StatsRoute() {
    return <StatsPage slug={Route.useParams().slug} range={Route.useSearch().range ?? 90} />;
  },
});
