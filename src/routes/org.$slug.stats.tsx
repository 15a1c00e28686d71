import { createFileRoute } from "@tanstack/react-router";

import { StatsPage } from "~/components/crm/stats-page";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import type { StatsRange } from "@convex/lib/vocabulary";

// Search validation stays in the app shell (the component is split out), so the ranges are
// written here rather than imported with the whole vocabulary.
const RANGES: readonly StatsRange[] = [30, 90, 365];

export const Route = createFileRoute("/org/$slug/stats")({
  ssr: false,
  validateSearch: (search: Record<string, unknown>): { range?: StatsRange } => {
    const range = Number(search.range) as StatsRange;
    return RANGES.includes(range) ? { range } : {};
  },
  pendingComponent: () => <PageSkeleton label="Loading stats…" />,
  head: () => ({ meta: [{ title: "Community stats · ASTN Orgs" }] }),
  component: function StatsRoute() {
    return <StatsPage slug={Route.useParams().slug} range={Route.useSearch().range ?? 90} />;
  },
});
