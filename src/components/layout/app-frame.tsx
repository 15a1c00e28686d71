import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

import { IS_LOCAL_BACKEND } from "~/lib/convex";
import { useSessionHintSync } from "~/lib/session-hint";
import { SiteHeader } from "./site-header";
import { UnexpectedErrorNotice } from "./unexpected-error-notice";

/** Every page's frame: skip link, header, the page, the unexpected-error notice, footer. */
export function AppFrame({ children, accountActions }: { children: ReactNode; accountActions: ReactNode }) {
  useSessionHintSync();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="focus:bg-background focus:text-foreground sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <SiteHeader accountActions={accountActions} />
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
