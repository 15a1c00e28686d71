import { useConvexAuth } from "convex/react";
import { Link, useLoaderData } from "@tanstack/react-router";
import { Suspense, type ReactNode } from "react";

import { buttonVariants } from "~/components/ui/button-variants";
import { Skeleton } from "~/components/ui/skeleton";

const MAIN_LINKS = [
  { to: "/home", label: "Home" },
  { to: "/orgs", label: "Organizations" },
  { to: "/profile", label: "Profile" },
  { to: "/settings", label: "Settings" },
] as const;

const linkClass =
  "text-muted-foreground hover:text-foreground hover:bg-accent/60 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[status=active]:text-foreground data-[status=active]:bg-accent";

function MainNav({ signedIn, className }: { signedIn: boolean; className?: string }) {
  const links = signedIn ? MAIN_LINKS : MAIN_LINKS.filter((l) => l.to === "/orgs");
  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex items-center gap-1">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className={linkClass} activeOptions={{ exact: link.to === "/home" }}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** `accountActions`: the signed-in controls (inbox bell, user menu), shown once the session is known. */
export function SiteHeader({ accountActions }: { accountActions: ReactNode }) {
  const auth = useConvexAuth();
  // A browser without a session (the cookie hint) gets the signed-out header at once, from the server.
  const hadSession = useLoaderData({ from: "__root__", select: (data) => data.sessionHint });
  const isLoading = auth.isLoading && hadSession;
  const isAuthenticated = auth.isAuthenticated;

  return (
    <header className="bg-background/90 supports-[backdrop-filter]:bg-background/70 sticky top-0 z-40 border-b backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-6">
          <Link
            to={isAuthenticated ? "/home" : "/"}
            className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <span
              aria-hidden="true"
              className="bg-primary text-primary-foreground flex size-7 items-center justify-center rounded-md text-xs font-bold"
            >
              A
            </span>
            <span>ASTN Orgs</span>
          </Link>
          {isLoading ? null : <MainNav signedIn={isAuthenticated} className="hidden md:block" />}
        </div>
        <nav aria-label="Account" className="flex min-w-0 items-center gap-2">
          {isLoading ? (
            <Skeleton className="h-8 w-32" aria-hidden="true" />
          ) : isAuthenticated ? (
            <Suspense fallback={<Skeleton className="h-8 w-32" aria-hidden="true" />}>{accountActions}</Suspense>
          ) : (
            <>
              <Link to="/sign-in" data-slot="button" className={buttonVariants({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link to="/sign-up" data-slot="button" className={buttonVariants({ size: "sm" })}>
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
      {isLoading ? null : (
        // Small screens: the main links (signed out: Organizations) get their own row under the bar.
        <MainNav
          signedIn={isAuthenticated}
          className="mx-auto w-full max-w-5xl overflow-x-auto border-t px-2 py-1.5 md:hidden"
        />
      )}
    </header>
  );
}
