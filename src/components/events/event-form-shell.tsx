import { Link } from "@tanstack/react-router";
import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";

import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";

/** The frame of the create / edit pages: a back link, a heading, the form in a card. */
export function EventFormShell({
  title,
  description,
  back,
  children,
}: {
  title: string;
  description?: ReactNode;
  back?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-10">
      {back}
      <h1 className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {description ? <p className="text-muted-foreground mt-2">{description}</p> : null}
      <div className="bg-card mt-6 rounded-xl border p-4 shadow-sm sm:p-6">{children}</div>
    </div>
  );
}

export function EventFormSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-4 w-32" />
      <Skeleton className="mt-4 h-8 w-48" />
      <div className="mt-6 grid gap-4 rounded-xl border p-6">
        <Skeleton className="h-9" />
        <Skeleton className="h-32" />
        <Skeleton className="h-9 w-1/2" />
        <Skeleton className="h-24" />
      </div>
    </div>
  );
}

export function NotAnAdmin({ orgName, slug }: { orgName: string; slug: string }) {
  return (
    <section className="mx-auto flex w-full max-w-md flex-col items-center px-4 py-16 text-center">
      <span className="bg-muted text-muted-foreground mb-4 flex size-12 items-center justify-center rounded-full">
        <ShieldAlert className="size-6" aria-hidden="true" />
      </span>
      <h1 className="text-2xl font-bold tracking-tight text-balance">Only admins of {orgName} can manage its events</h1>
      <p className="text-muted-foreground mt-3">Ask an admin if you'd like to run an event.</p>
      <Button className="mt-6" asChild>
        <Link to="/org/$slug/events" params={{ slug }}>
          See {orgName} events
        </Link>
      </Button>
    </section>
  );
}
