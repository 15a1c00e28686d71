import { useAuthActions } from "@convex-dev/auth/react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { LogOut } from "lucide-react";
import { useState } from "react";

import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { viewerQuery } from "./data";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((part) => part.charAt(0).toUpperCase()).join("") || "?";
}

/** The signed-in user's name and a visible "Sign out" button. */
export function UserMenu() {
  const { signOut } = useAuthActions();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const viewer = useQuery(viewerQuery());

  const name = viewer.data?.name || viewer.data?.email || "";

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
      await navigate({ to: "/", replace: true });
    }
  }

  return (
    <div className="flex min-w-0 items-center gap-2 sm:gap-3">
      {viewer.isPending ? (
        <Skeleton className="h-8 w-24" aria-hidden="true" />
      ) : name ? (
        <Link to="/account" className="flex min-w-0 items-center gap-2 rounded-md" aria-label={`Account: ${name}`}>
          <span
            aria-hidden="true"
            title={name}
            className="bg-secondary text-secondary-foreground flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
          >
            {initials(name)}
          </span>
          <span className="sr-only text-sm font-medium sm:not-sr-only sm:max-w-[12rem] sm:truncate">
            <span className="sr-only">Signed in as </span>
            {name}
          </span>
        </Link>
      ) : null}
      <Button variant="outline" size="sm" onClick={handleSignOut} disabled={signingOut}>
        <LogOut aria-hidden="true" />
        Sign out
      </Button>
    </div>
  );
}
