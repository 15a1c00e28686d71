/// <reference types="vite/client" />
import type { ConvexQueryClient } from "@convex-dev/react-query";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  HeadContent,
  Link,
  Outlet,
  Scripts,
} from "@tanstack/react-router";
import type { ReactNode } from "react";

import { DefaultCatchBoundary } from "~/components/layout/default-catch-boundary";
import { NotFound } from "~/components/layout/not-found";
import { SiteHeader } from "~/components/layout/site-header";
import { UnexpectedErrorNotice } from "~/components/layout/unexpected-error-notice";
import { IS_LOCAL_BACKEND } from "~/lib/convex";
import appCss from "~/styles.css?url";

export type RouterContext = {
  queryClient: QueryClient;
  convexQueryClient: ConvexQueryClient;
};

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({
    meta: [
      { charSet: "utf-8" },
      { name: "viewport", content: "width=device-width, initial-scale=1" },
      { title: "ASTN Orgs" },
      {
        name: "description",
        content:
          "ASTN Orgs helps field-building organizations run events and keep a live picture of their community.",
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

function RootLayout() {
  return (
    <AppFrame>
      <Outlet />
    </AppFrame>
  );
}

function AppFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="focus:bg-background focus:text-foreground sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="flex flex-1 flex-col">
        {children}
      </main>
      <UnexpectedErrorNotice />
      <footer className="text-muted-foreground border-t px-4 py-6 text-center text-xs">
        ASTN Orgs · events and engagement for field-building organizations
        {IS_LOCAL_BACKEND ? (
          <>
            {" · "}
            <Link to="/dev/mailbox" className="hover:text-foreground underline underline-offset-4">
              Dev mailbox
            </Link>
          </>
        ) : null}
      </footer>
    </div>
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
