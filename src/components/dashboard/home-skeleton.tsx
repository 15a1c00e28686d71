import { Skeleton } from "~/components/ui/skeleton";

// Apart from the page: the signed-in layout shows it while the session loads, and must not pull
// the dashboard's code into the app shell.
export const HOME_LAYOUT = "mt-8 grid gap-10 lg:grid-cols-[1fr_18rem]";

/** The dashboard's shape (heading, event list, side column) while the viewer loads. */
export function HomeSkeleton() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6" role="status" aria-busy="true">
      <span className="sr-only">Loading your dashboard…</span>
      <Skeleton className="h-8 w-64 max-w-full sm:h-9" />
      <Skeleton className="mt-3 h-5 w-80 max-w-full" />
      <div className={HOME_LAYOUT}>
        <div className="grid min-w-0 content-start gap-3">
          <Skeleton className="mb-1 h-6 w-40" />
          <Skeleton className="h-28 rounded-xl" />
          <Skeleton className="h-28 rounded-xl" />
        </div>
        <div className="hidden lg:block">
          <div className="grid content-start gap-4">
            <Skeleton className="h-32 rounded-xl" />
            <Skeleton className="h-44 rounded-xl" />
          </div>
        </div>
      </div>
    </div>
  );
}
