import { Skeleton } from "~/components/ui/skeleton";

/** Shown while a page (or the session) loads: the page's shape, never a blank screen. */
export function PageSkeleton({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6" role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-8 w-2/3 max-w-sm" />
      <Skeleton className="mt-3 h-4 w-1/2 max-w-xs" />
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    </div>
  );
}
