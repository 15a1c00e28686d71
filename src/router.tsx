import { ConvexAuthProvider } from "@convex-dev/auth/react";
import { ConvexQueryClient } from "@convex-dev/react-query";
import { MutationCache, QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { setupRouterSsrQueryIntegration } from "@tanstack/react-router-ssr-query";
import { ConvexReactClient, type ConvexReactClientOptions } from "convex/react";

import { DefaultCatchBoundary, NotFound } from "~/components/layout/fallback-pages";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { CONVEX_URL } from "~/lib/convex";
import { DeferredBaseClient } from "~/lib/deferred-convex-client";
import { GENERIC_ERROR_MESSAGE, isExpectedError } from "~/lib/errors";
import { unexpectedErrors } from "~/lib/unexpected-errors";
import { routeTree } from "./routeTree.gen";

export function getRouter() {
  const options: ConvexReactClientOptions = {
    // Tabs left open shouldn't nag on close.
    unsavedChangesWarning: false,
    // Keep the session's token once the backend accepts it (a refresh is scheduled before it
    // expires) rather than refreshing at once: that refresh re-ran every query, and while it ran
    // Convex Auth asked "Leave site?" on any navigation, e.g. right after signing up.
    initialAuthTokenReuse: true,
  };
  // In the browser the sync client's code arrives after the first JavaScript (the server never
  // makes one: it queries over HTTP).
  const baseClient =
    typeof window === "undefined"
      ? undefined
      : new DeferredBaseClient(CONVEX_URL, options, () => import("~/lib/convex-sync").then((m) => m.BaseConvexClient));
  const convexQueryClient = new ConvexQueryClient(
    new ConvexReactClient(CONVEX_URL, { ...options, baseClient } as ConvexReactClientOptions),
  );

  const queryClient: QueryClient = new QueryClient({
    // The one handler for failures nobody planned for. Expected ones (a ConvexError: a field to
    // fix, a conflict) are the form's to show beside its fields; a mutation that shows every
    // failure itself (sign-in) says so with meta.showsErrors.
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isExpectedError(error) || mutation.meta?.showsErrors) return;
        console.error(error);
        unexpectedErrors.report(GENERIC_ERROR_MESSAGE);
      },
    }),
    defaultOptions: {
      queries: {
        queryKeyHashFn: convexQueryClient.hashFn(),
        queryFn: convexQueryClient.queryFn(),
      },
    },
  });
  convexQueryClient.connect(queryClient);

  const router = createRouter({
    routeTree,
    context: { queryClient, convexQueryClient },
    scrollRestoration: true,
    defaultPreload: "intent",
    // Convex pushes fresh data over the socket; the router never needs to refetch on its own.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: DefaultCatchBoundary,
    defaultNotFoundComponent: NotFound,
    defaultPendingComponent: PageSkeleton,
    Wrap: ({ children }) => <ConvexAuthProvider client={convexQueryClient.convexClient}>{children}</ConvexAuthProvider>,
  });

  // Also wraps the app in QueryClientProvider and streams prefetched queries to the client.
  setupRouterSsrQueryIntegration({ router, queryClient });

  return router;
}

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: { showsErrors?: boolean };
  }
}
