// The member's programs on their record: where they stand in each and their progress ("5 of 8"),
// from the enrollments the session attendance records keep in step.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { Skeleton } from "~/components/ui/skeleton";
import { plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import { PROGRAM_KIND_LABELS, PROGRAM_PARTICIPATION_LABELS } from "@convex/lib/vocabulary";
import { memberProgramsQuery } from "./data";

const STATE_VARIANT = {
  completed: "success",
  at_risk: "destructive",
  enrolled: "secondary",
  in_progress: "secondary",
  applied: "muted",
  left: "muted",
} as const;

export function RecordPrograms({
  orgId,
  slug,
  userId,
}: {
  orgId: Id<"organizations">;
  slug: string;
  userId: Id<"users">;
}) {
  const programs = useQuery({ ...memberProgramsQuery(orgId, userId), retry: false });
  const rows = programs.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3>Programs</h3>
        </CardTitle>
        <CardDescription>
          {rows === undefined
            ? "Loading programs…"
            : rows.length === 0
              ? "Not in any program of this organization."
              : "Sessions attended in each program, from the session attendance records."}
        </CardDescription>
      </CardHeader>
      {rows === undefined ? (
        <CardContent>
          <Skeleton className="h-12" />
        </CardContent>
      ) : rows.length > 0 ? (
        <CardContent>
          <ul className="grid gap-4" aria-label="Programs">
            {rows.map((p) => (
              <li key={p.programId} className="grid gap-1.5" data-testid="record-program">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link
                    to="/org/$slug/programs/$programId/manage"
                    params={{ slug, programId: p.programId }}
                    className="hover:text-primary min-w-0 truncate text-sm font-medium underline-offset-4 hover:underline"
                  >
                    {p.name}
                  </Link>
                  <Badge variant={STATE_VARIANT[p.state]}>{PROGRAM_PARTICIPATION_LABELS[p.state]}</Badge>
                </div>
                {p.state === "applied" ? null : (
                  <>
                    <Progress
                      value={p.progress.total === 0 ? 0 : (p.progress.attended / p.progress.total) * 100}
                      aria-label={`${p.name}: ${p.progress.attended} of ${p.progress.total} sessions attended`}
                    />
                    <p className="text-muted-foreground text-xs">
                      {PROGRAM_KIND_LABELS[p.kind]} · {p.progress.attended} of {p.progress.total} attended
                      {p.progress.excused > 0 ? `, ${p.progress.excused} excused` : ""} · completes at{" "}
                      {p.progress.required}
                      {p.progress.joinedAfter > 0 ? ` · joined after ${plural(p.progress.joinedAfter, "session")}` : ""}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ul>
        </CardContent>
      ) : null}
    </Card>
  );
}
