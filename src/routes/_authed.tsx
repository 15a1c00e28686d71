import { useConvexAuth } from "@convex-dev/auth/react";
import { createFileRoute, Navigate, Outlet, useLocation } from "@tanstack/react-router";

import { PageSkeleton } from "~/components/layout/page-skeleton";

/**
 * Pages for signed-in users. @convex-dev/auth keeps the session in the browser (localStorage),
 * so these render on the client only; the server sends the loading skeleton.
 */
export const Route = createFileRoute("/_authed")({
  ssr: false,
  pendingComponent: () => <PageSkeleton label="Loading your account…" />,
  component: AuthedLayout,
});

function AuthedLayout() {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const location = useLocation();

  if (isLoading) return <PageSkeleton label="Loading your account…" />;
  if (!isAuthenticated) {
    return <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  }
  return <Outlet />;
}
