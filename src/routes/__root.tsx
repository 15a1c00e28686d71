/// <reference types="vite/client" />
import type { ConvexQueryClient } from "@convex-dev/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, HeadContent, Outlet, Scripts } from "@tanstack/react-router";
import { lazy, type ReactNode } from "react";

import { AppFrame } from "~/components/layout/app-frame";
import { DefaultCatchBoundary, NotFound } from "~/components/layout/fallback-pages";
import { readSessionHint } from "~/lib/session-hint";
import appCss from "~/styles.css?url";

export type RouterContext = {
  queryClient: QueryClient;
  convexQueryClient: ConvexQueryClient;
};

export const Route = createRootRouteWithContext<RouterContext>()({
  // Read where the page renders (the request's cookie, or the browser's), so both agree.
  loader: () => ({ sessionHint: readSessionHint() }),
  head: () => ({
    meta: [
      { charSet: "utf-8" },
      { name: "viewport", content: "width=device-width, initial-scale=1" },
      { title: "ASTN Orgs" },
      {
        name: "description",
        content: "ASTN Orgs helps field-building organizations run events and keep a live picture of their community.",
      },
      { name: "theme-color", content: "#4f46e5" },
    ],
    links: [
      { rel: "stylesheet", href: appCss },
      { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" },
    ],
  }),
  shellComponent: RootDocument,
  component: RootLayout,
  // A route's own error renders inside the frame (defaultErrorComponent); this one only shows
  // when the frame itself failed, so it stands alone.
  errorComponent: (props) => (
    <div className="flex min-h-dvh flex-col">
      <DefaultCatchBoundary {...props} />
    </div>
  ),
  // Rendered in place of <Outlet /> inside RootLayout.
  notFoundComponent: () => <NotFound />,
});

// Only signed-in people see these, and the server always renders signed out: they load once
// the session is known, and visitors' first JavaScript doesn't carry them.
const AccountActions = lazy(() => import("~/components/auth/account-actions"));

function RootLayout() {
  return (
    <AppFrame accountActions={<AccountActions />}>
      <Outlet />
    </AppFrame>
  );
}

function RootDocument({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <HeadContent />
      </head>
      <body>
        {children}
        <Scripts />
      </body>
    </html>
  );
}
