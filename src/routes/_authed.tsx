import { useConvexAuth } from "@convex-dev/auth/react";
import { createFileRoute, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";

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
  const navigate = useNavigate();
  // The path the visitor asked for, to come back to after signing in.
  const href = useRouterState({ select: (state) => state.location.href });

  useEffect(() => {
    if (!isLoading && !isAuthenticated) {
      void navigate({ to: "/sign-in", search: { redirect: href }, replace: true });
    }
    // Only when the session changes: `href` is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isLoading, isAuthenticated, navigate]);

  if (isLoading || !isAuthenticated) return <PageSkeleton label="Loading your account…" />;
  return <Outlet />;
}
