import { useConvexAuth } from "convex/react";
import { createFileRoute, Outlet, useLocation, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";

import { HomeSkeleton } from "~/components/dashboard/home-skeleton";
import { PageSkeleton } from "~/components/layout/page-skeleton";

/**
 * Pages for signed-in users. @convex-dev/auth keeps the session in the browser (localStorage),
 * so these render on the client only; the server sends the loading skeleton.
 */
export const Route = createFileRoute("/_authed")({
  ssr: false,
  pendingComponent: AccountSkeleton,
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

  if (isLoading || !isAuthenticated) return <AccountSkeleton />;
  return <Outlet />;
}

/** While the session loads: the dashboard's own shape on /home, a generic page elsewhere. */
function AccountSkeleton() {
  const pathname = useLocation({ select: (location) => location.pathname });
  return pathname === "/home" ? <HomeSkeleton /> : <PageSkeleton label="Loading your account…" />;
}
