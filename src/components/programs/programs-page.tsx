import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarRange, GraduationCap, Plus, Users } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { useOrg } from "~/components/orgs/data";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { Card } from "~/components/ui/card";
import { plural } from "~/lib/format";
import { PROGRAM_KIND_LABELS, PROGRAM_STATUS_LABELS } from "@convex/lib/vocabulary";
import { programsQuery, type ProgramListItem } from "./data";
import { formatCalendarDay } from "~/lib/time";
import { ProgramsMembersOnly, ProgramsSkeleton } from "./program-states";

/** An org's programs: members see active and completed ones, admins drafts too. */
export function ProgramsPage({ slug }: { slug: string }) {
  const { org } = useOrg(slug);
  if (!org) return <ProgramsSkeleton />;
  if (org.viewerRole === null) return <ProgramsMembersOnly orgName={org.name} />;
  return <ProgramList orgId={org._id} slug={slug} isAdmin={org.viewerRole === "admin"} />;
}

function ProgramList({ orgId, slug, isAdmin }: { orgId: ProgramListItem["orgId"]; slug: string; isAdmin: boolean }) {
  const programs = useQuery(programsQuery(orgId));
  const newButton = isAdmin ? (
    <Link to="/org/$slug/programs/new" params={{ slug }} className={buttonVariants()}>
      <Plus aria-hidden="true" />
      New program
    </Link>
  ) : null;
  if (programs.isPending) return <ProgramsSkeleton />;
  const list = programs.data ?? [];
  return (
    <section aria-labelledby="programs-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="programs-heading" className="text-xl font-semibold">
          Programs
        </h2>
        {newButton}
      </div>
      {list.length === 0 ? (
        <EmptyState icon={GraduationCap} title="No programs yet">
          {isAdmin
            ? "Run a reading group or a fellowship: weekly sessions, a fixed cohort, and who finished."
            : "When this organization starts a reading group or fellowship, it shows up here."}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {list.map((p) => (
            <li key={p._id}>
              <ProgramCard program={p} slug={slug} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProgramCard({ program, slug }: { program: ProgramListItem; slug: string }) {
  return (
    <Card className="hover:border-primary/50 relative gap-3 p-5 transition-colors">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant="secondary">{PROGRAM_KIND_LABELS[program.kind]}</Badge>
        {program.status !== "active" ? <Badge variant="muted">{PROGRAM_STATUS_LABELS[program.status]}</Badge> : null}
        {program.viewerStatus === "enrolled" ? <Badge variant="success">You're in</Badge> : null}
        {program.viewerStatus === "pending" ? <Badge variant="outline">Applied</Badge> : null}
      </div>
      <h3 className="text-lg leading-snug font-semibold break-words">
        <Link
          to="/org/$slug/programs/$programId"
          params={{ slug, programId: program._id }}
          className="after:absolute after:inset-0 focus-visible:outline-none"
        >
          {program.name}
        </Link>
      </h3>
      <ul className="text-muted-foreground grid gap-1 text-sm">
        <li className="inline-flex items-center gap-1.5">
          <CalendarRange className="size-4" aria-hidden="true" />
          {formatCalendarDay(program.startDate)} – {formatCalendarDay(program.endDate)} ·{" "}
          {plural(program.sessionCount, "session")}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <Users className="size-4" aria-hidden="true" />
          {plural(program.enrolledCount, "participant")}
          {program.capacity !== undefined ? ` of ${program.capacity}` : ""}
        </li>
      </ul>
    </Card>
  );
}
