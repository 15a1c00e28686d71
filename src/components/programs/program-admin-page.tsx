import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Loader2 } from "lucide-react";
import type { ReactNode } from "react";

import { useOrg } from "~/components/orgs/data";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { EmptyState } from "~/components/common/empty-state";
import { PROGRAM_STATUS_LABELS } from "@convex/lib/vocabulary";
import type { Id } from "@convex/_generated/dataModel";
import {
  matrixQuery,
  programQuery,
  useSetProgramStatusMutation,
  useUpdateProgramMutation,
  type ProgramPageData,
} from "./data";
import { CohortPanel } from "./cohort-panel";
import { ParticipationMatrix } from "./participation-matrix";
import { ProgramForm, type ProgramFormValues } from "./program-form";
import { isMissing, ProgramNotFound, ProgramsSkeleton } from "./program-states";
import { SeriesForm } from "./series-form";
import { SessionEditForm } from "./session-edit-form";

/** Running a program: the live matrix, the cohort, sessions and settings. Admins only. */
export function ProgramAdminPage({ slug, programId }: { slug: string; programId: Id<"programs"> }) {
  const { org } = useOrg(slug);
  if (!org) return <ProgramsSkeleton label="Loading program…" />;
  if (org.viewerRole !== "admin") {
    return <EmptyState title="Admins only">Only admins of {org.name} can manage programs.</EmptyState>;
  }
  return <AdminContent orgId={org._id} slug={slug} programId={programId} />;
}

function AdminContent({
  orgId,
  slug,
  programId,
}: {
  orgId: Id<"organizations">;
  slug: string;
  programId: Id<"programs">;
}) {
  const page = useQuery(programQuery(orgId, programId));
  const matrix = useQuery(matrixQuery(orgId, programId));
  if (page.isPending) return <ProgramsSkeleton label="Loading program…" />;
  if (!page.data) {
    if (isMissing(page.error)) return <ProgramNotFound slug={slug} />;
    throw page.error;
  }
  const data = page.data;
  const { program } = data;
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <Link
        to="/org/$slug/programs/$programId"
        params={{ slug, programId }}
        className="text-muted-foreground hover:text-foreground inline-flex items-center gap-1 text-sm"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Program page
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-2xl font-bold tracking-tight break-words">{program.name}</h2>
          <Badge variant={program.status === "active" ? "success" : "muted"}>
            {PROGRAM_STATUS_LABELS[program.status]}
          </Badge>
        </div>
        <StatusActions data={data} />
      </div>
      <Section title="Participation" description="Live from the sessions' attendance records.">
        {matrix.data ? (
          <ParticipationMatrix
            data={matrix.data}
            timezone={program.timezone}
            required={program.minAttended ?? program.sessionCount}
          />
        ) : (
          <ProgramsSkeleton label="Loading participation…" />
        )}
      </Section>
      <Section
        title="Participants"
        description={`${program.enrolledCount} enrolled${program.pendingCount ? `, ${program.pendingCount} waiting for approval` : ""}.`}
      >
        {matrix.data ? <CohortPanel orgId={orgId} programId={programId} matrix={matrix.data} /> : null}
      </Section>
      <Section
        title="New series"
        description={`Sessions repeat by a rule, in ${program.timezone}. ${program.status === "draft" ? "They stay drafts until you open the program." : "Participants are RSVP'd automatically."}`}
      >
        <SeriesForm orgId={orgId} programId={programId} timezone={program.timezone} defaultDate={program.startDate} />
      </Section>
      {matrix.data && matrix.data.sessions.length > 0 ? (
        <Section title="Change session times" description="Each session keeps its date.">
          <SessionEditForm
            orgId={orgId}
            programId={programId}
            timezone={program.timezone}
            sessions={matrix.data.sessions}
          />
        </Section>
      ) : null}
      <Section title="Settings">
        <SettingsForm data={data} />
      </Section>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card className="min-w-0 gap-4">
      <CardHeader>
        <CardTitle>
          <h3>{title}</h3>
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="min-w-0">{children}</CardContent>
    </Card>
  );
}

function StatusActions({ data }: { data: ProgramPageData }) {
  const setStatus = useSetProgramStatusMutation();
  const { program } = data;
  const next = program.status === "draft" ? "active" : program.status === "active" ? "completed" : null;
  if (next === null) return null;
  return (
    <Button
      variant={next === "active" ? "default" : "outline"}
      disabled={setStatus.isPending}
      onClick={() => void setStatus.mutateAsync({ orgId: data.org._id, programId: program._id, status: next })}
    >
      {setStatus.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
      {next === "active" ? "Open to members" : "Mark completed"}
    </Button>
  );
}

function SettingsForm({ data }: { data: ProgramPageData }) {
  const update = useUpdateProgramMutation();
  const p = data.program;
  const initial: ProgramFormValues = {
    name: p.name,
    description: p.description ?? "",
    kind: p.kind,
    startDate: p.startDate,
    endDate: p.endDate,
    timezone: p.timezone,
    capacity: p.capacity === undefined ? "" : String(p.capacity),
    enrollmentMode: p.enrollmentMode,
    minAttended: p.minAttended === undefined ? "" : String(p.minAttended),
    countExcused: p.countExcused,
  };
  return (
    <ProgramForm
      initial={initial}
      submitLabel="Save settings"
      showCriteria
      onSubmit={async (args) => {
        await update.mutateAsync({ orgId: data.org._id, programId: p._id, ...args });
      }}
    />
  );
}
