// Apart from the page: the route shows it while loading, and the route file stays in the app shell.
import { Skeleton } from "~/components/ui/skeleton";

export function ChartsSkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-2" role="status">
      <span className="sr-only">Loading charts…</span>
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-72" />
      ))}
    </div>
  );
}

export function StatsBody() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true">
      <span className="sr-only">Loading stats…</span>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {[0, 1, 2, 3, 4, 5, 6].map((i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <ChartsSkeleton />
    </div>
  );
}

export function StatsSkeleton() {
  return (
    <div className="grid gap-6">
      <Skeleton className="h-9 w-64" />
      <StatsBody />
    </div>
  );
}
