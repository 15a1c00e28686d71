import { Link } from "@tanstack/react-router";
import { GraduationCap } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { buttonVariants } from "~/components/ui/button-variants";
import { Skeleton } from "~/components/ui/skeleton";
import { errorCode } from "~/lib/errors";

export function ProgramsSkeleton({ label = "Loading programs…" }: { label?: string }) {
  return (
    <div role="status" aria-busy="true" className="grid gap-3">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-24" />
      <Skeleton className="h-24" />
    </div>
  );
}

export function ProgramNotFound({ slug }: { slug: string }) {
  return (
    <EmptyState
      icon={GraduationCap}
      title="Program not found"
      action={
        <Link to="/org/$slug/programs" params={{ slug }} className={buttonVariants({ variant: "outline" })}>
          All programs
        </Link>
      }
    >
      This program doesn't exist, or it isn't open to members yet.
    </EmptyState>
  );
}

export function ProgramsMembersOnly({ orgName }: { orgName: string }) {
  return (
    <EmptyState icon={GraduationCap} title="Programs are for members">
      Join {orgName} to see and join its reading groups and fellowships.
    </EmptyState>
  );
}

/** A program that does not exist (or is hidden), or an address that is no program id at all. */
export function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === "NOT_FOUND" || code === "INVALID_ARGUMENT";
}
