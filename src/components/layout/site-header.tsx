import { useConvexAuth } from "convex/react";
import { Link } from "@tanstack/react-router";

import { UserMenu } from "~/components/auth/user-menu";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";

export function SiteHeader() {
  const { isLoading, isAuthenticated } = useConvexAuth();

  return (
    <header className="bg-background/90 supports-[backdrop-filter]:bg-background/70 sticky top-0 z-40 border-b backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
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
        <nav aria-label="Account" className="flex min-w-0 items-center gap-2">
          {isLoading ? (
            <Skeleton className="h-8 w-32" aria-hidden="true" />
          ) : isAuthenticated ? (
            <UserMenu />
          ) : (
            <>
              <Button variant="ghost" size="sm" asChild>
                <Link to="/sign-in">Sign in</Link>
              </Button>
              <Button size="sm" asChild>
                <Link to="/sign-up">Sign up</Link>
              </Button>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
