import { Link, useLocation } from "@tanstack/react-router";
import { CalendarX2, CloudOff } from "lucide-react";

import { Button } from "~/components/ui/button";

/** NOT_FOUND: a wrong address, a draft, or a private org's event seen by a non-member. */
export function EventNotFound({ signedIn }: { signedIn: boolean }) {
  const location = useLocation();
  return (
    <section className="mx-auto flex w-full max-w-md flex-col items-center px-4 py-16 text-center">
      <span className="bg-muted text-muted-foreground mb-4 flex size-12 items-center justify-center rounded-full">
        <CalendarX2 className="size-6" aria-hidden="true" />
      </span>
      <h1 className="text-2xl font-bold tracking-tight">Event not found</h1>
      <p className="text-muted-foreground mt-3 text-pretty">
        {signedIn
          ? "There's no event at this address, or it belongs to a private organization you're not a member of."
          : "There's no public event at this address. If it's a members-only event, sign in to see it."}
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {signedIn ? null : (
          <Button asChild>
            <Link to="/sign-in" search={{ redirect: location.href }}>
              Sign in
            </Link>
          </Button>
        )}
        <Button variant={signedIn ? "default" : "outline"} asChild>
          <Link to={signedIn ? "/home" : "/orgs"}>{signedIn ? "Go to your dashboard" : "Browse organizations"}</Link>
        </Button>
      </div>
    </section>
  );
}

export function EventLoadFailed() {
  return (
    <section className="mx-auto flex w-full max-w-md flex-col items-center px-4 py-16 text-center" role="alert">
      <span className="bg-muted text-muted-foreground mb-4 flex size-12 items-center justify-center rounded-full">
        <CloudOff className="size-6" aria-hidden="true" />
      </span>
      <h1 className="text-2xl font-bold tracking-tight">We couldn't load this event</h1>
      <p className="text-muted-foreground mt-3">Check your connection and try again.</p>
      <Button className="mt-6" onClick={() => window.location.reload()}>
        Try again
      </Button>
    </section>
  );
}
