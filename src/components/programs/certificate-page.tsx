import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Award, Printer } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { useOrg } from "~/components/orgs/data";
import { Button } from "~/components/ui/button";
import { buttonVariants } from "~/components/ui/button-variants";
import { PROGRAM_KIND_LABELS } from "@convex/lib/vocabulary";
import type { Id } from "@convex/_generated/dataModel";
import { certificateQuery } from "./data";
import { formatCalendarDay, formatDay } from "~/lib/time";
import { ProgramsSkeleton } from "./program-states";

/** A printable certificate of completion; the browser's print dialog saves it as a PDF. */
export function CertificatePage({ slug, programId }: { slug: string; programId: Id<"programs"> }) {
  const { org } = useOrg(slug);
  const cert = useQuery({
    ...certificateQuery(org?._id as Id<"organizations">, programId),
    enabled: org !== undefined && org.viewerRole !== null,
  });
  if (!org || (org.viewerRole !== null && cert.isPending))
    return (
      <div className="p-8">
        <ProgramsSkeleton label="Loading certificate…" />
      </div>
    );
  if (!cert.data) {
    return (
      <div className="mx-auto max-w-md px-4 py-16">
        <EmptyState
          icon={Award}
          title="No certificate yet"
          action={
            <Link
              to="/org/$slug/programs/$programId"
              params={{ slug, programId }}
              className={buttonVariants({ variant: "outline" })}
            >
              Back to the program
            </Link>
          }
        >
          A certificate appears here once you've met the program's completion criteria.
        </EmptyState>
      </div>
    );
  }
  const c = cert.data;
  const completed = formatDay(c.completedAt);
  return (
    <div className="certificate-page mx-auto w-full max-w-4xl px-4 py-8 print:p-0">
      {/* Printed alone, landscape: the app's header and footer stay on screen. */}
      <style>{`@media print { @page { size: A4 landscape; margin: 12mm } body header, body footer, body nav { display: none !important } }`}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          to="/org/$slug/programs/$programId"
          params={{ slug, programId }}
          className="text-muted-foreground text-sm hover:underline"
        >
          ← {c.programName}
        </Link>
        <Button onClick={() => window.print()}>
          <Printer aria-hidden="true" />
          Print / Save as PDF
        </Button>
      </div>
      <article
        aria-label="Certificate of completion"
        className="border-primary/40 bg-background relative flex aspect-[1.414/1] flex-col items-center justify-center gap-4 rounded-xl border-8 border-double p-6 text-center sm:p-12 print:rounded-none print:border-[12px]"
      >
        <Award className="text-primary size-12 sm:size-16" aria-hidden="true" />
        <p className="text-muted-foreground text-xs tracking-[0.3em] uppercase sm:text-sm">Certificate of completion</p>
        <p className="text-sm sm:text-base">This certifies that</p>
        <h1 className="font-serif text-3xl font-bold break-words sm:text-5xl">{c.name}</h1>
        <p className="max-w-xl text-sm sm:text-base">
          completed the {PROGRAM_KIND_LABELS[c.kind].toLowerCase()} <strong>{c.programName}</strong> run by{" "}
          <strong>{c.orgName}</strong>, attending {c.attended} of {c.total} sessions.
        </p>
        <p className="text-muted-foreground text-xs sm:text-sm">
          {formatCalendarDay(c.startDate)} – {formatCalendarDay(c.endDate)} · Completed {completed}
        </p>
      </article>
    </div>
  );
}
