import { useConvexAuth } from "convex/react";
import { createFileRoute, Outlet, useRouter } from "@tanstack/react-router";
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
  const router = useRouter();

  useEffect(() => {
    if (isLoading || isAuthenticated) return;
    // The location being shown or navigated to. After "Sign out" the app is already on its way
    // to a public page: only send people to sign in if they are still headed somewhere private.
    const location = router.state.location;
    const stillProtected = router.matchRoutes(location).some((match) => match.routeId === Route.id);
    if (!stillProtected) return;
    void router.navigate({ to: "/sign-in", search: { redirect: location.href }, replace: true });
  }, [isLoading, isAuthenticated, router]);

  if (isLoading || !isAuthenticated) return <PageSkeleton label="Loading your account…" />;
  return <Outlet />;
}
