import type { ErrorComponentProps } from "@tanstack/react-router";
import { lazy, Suspense } from "react";

// The 404 and error pages load when one is shown, not with every page.
const NotFoundPage = lazy(() => import("./not-found").then((m) => ({ default: m.NotFound })));
const CatchBoundaryPage = lazy(() =>
  import("./default-catch-boundary").then((m) => ({ default: m.DefaultCatchBoundary })),
);

export function NotFound() {
  return (
    <Suspense fallback={null}>
      <NotFoundPage />
    </Suspense>
  );
}

export function DefaultCatchBoundary(props: ErrorComponentProps) {
  return (
    <Suspense fallback={null}>
      <CatchBoundaryPage {...props} />
    </Suspense>
  );
}
