// Apart from the page: the route shows it while loading, and the route file stays in the app shell.
import { Skeleton } from "~/components/ui/skeleton";

export function RecordSkeleton() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true">
      <span className="sr-only">Loading member…</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-40" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[5fr_7fr]">
        <div className="grid gap-6">
          <Skeleton className="h-56" />
          <Skeleton className="h-32" />
        </div>
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
