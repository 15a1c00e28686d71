import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Award, CalendarRange, Settings2, Users } from "lucide-react";

import { EventDescription } from "~/components/events/event-description";
import { useOrg } from "~/components/orgs/data";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { plural } from "~/lib/format";
import { ENROLLMENT_MODE_LABELS, PROGRAM_KIND_LABELS, PROGRAM_STATUS_LABELS } from "@convex/lib/vocabulary";
import type { Id } from "@convex/_generated/dataModel";
import { programQuery, type ProgramPageData } from "./data";
import { formatCalendarDay } from "~/lib/time";
import { EnrollmentCard } from "./enrollment-card";
import { isMissing, ProgramNotFound, ProgramsMembersOnly, ProgramsSkeleton } from "./program-states";
import { SessionList } from "./session-list";

/** A program's page for members: what it is, their place in it, its sessions. */
export function ProgramPage({ slug, programId }: { slug: string; programId: Id<"programs"> }) {
  const { org } = useOrg(slug);
  if (!org) return <ProgramsSkeleton label="Loading program…" />;
  if (org.viewerRole === null) return <ProgramsMembersOnly orgName={org.name} />;
  return <ProgramContent orgId={org._id} slug={slug} programId={programId} />;
}

function ProgramContent({
  orgId,
  slug,
  programId,
}: {
  orgId: Id<"organizations">;
  slug: string;
  programId: Id<"programs">;
}) {
  const page = useQuery(programQuery(orgId, programId));
  if (page.isPending) return <ProgramsSkeleton label="Loading program…" />;
  if (!page.data) {
    if (isMissing(page.error)) return <ProgramNotFound slug={slug} />;
    throw page.error;
  }
  return <ProgramView data={page.data} slug={slug} />;
}

function ProgramView({ data, slug }: { data: ProgramPageData; slug: string }) {
  const { program } = data;
  return (
    <article className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="grid min-w-0 content-start gap-6">
        <header className="grid gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="secondary">{PROGRAM_KIND_LABELS[program.kind]}</Badge>
            {program.status !== "active" ? (
              <Badge variant="muted">{PROGRAM_STATUS_LABELS[program.status]}</Badge>
            ) : null}
          </div>
          <h2 className="text-2xl font-bold tracking-tight break-words">{program.name}</h2>
          <ul className="text-muted-foreground flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li className="inline-flex items-center gap-1.5">
              <CalendarRange className="size-4" aria-hidden="true" />
              {formatCalendarDay(program.startDate)} – {formatCalendarDay(program.endDate)}
            </li>
            <li className="inline-flex items-center gap-1.5">
              <Users className="size-4" aria-hidden="true" />
              {plural(program.enrolledCount, "participant")}
              {program.capacity !== undefined ? ` of ${program.capacity}` : ""}
            </li>
            <li>{ENROLLMENT_MODE_LABELS[program.enrollmentMode]}</li>
          </ul>
        </header>
        {program.description ? (
          <div className="prose-sm max-w-none">
            <EventDescription markdown={program.description} />
          </div>
        ) : null}
        <SessionList
          sessions={data.sessions}
          timezone={program.timezone}
          enrolled={data.viewer?.status === "enrolled"}
        />
      </div>
      <aside className="grid content-start gap-4" aria-label="Your participation">
        <EnrollmentCard data={data} />
        {data.viewer?.progress?.completedAt !== undefined ? (
          <Link
            to="/org/$slug/programs/$programId/certificate"
            params={{ slug, programId: program._id }}
            className={buttonVariants({ variant: "outline" })}
          >
            <Award aria-hidden="true" />
            Your certificate
          </Link>
        ) : null}
        {data.isAdmin ? (
          <Link
            to="/org/$slug/programs/$programId/manage"
            params={{ slug, programId: program._id }}
            className={buttonVariants({ variant: "outline" })}
          >
            <Settings2 aria-hidden="true" />
            Manage program
          </Link>
        ) : null}
      </aside>
    </article>
  );
}
