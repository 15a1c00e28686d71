import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { AlertTriangle, Award } from "lucide-react";

import { Card } from "~/components/ui/card";
import { myProgramsQuery } from "./data";
import { ProgressMeter } from "./progress-meter";
import { formatEventShort } from "~/lib/time";

/** The dashboard's "My programs": progress in each, the next session. Nothing when none. */
export function MyPrograms() {
  const programs = useQuery(myProgramsQuery());
  const list = programs.data ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="my-programs-heading" className="grid gap-3">
      <h2 id="my-programs-heading" className="text-xl font-semibold">
        My programs
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {list.map(({ program, org, progress, nextSession }) => (
          <li key={program._id}>
            <Card className="relative gap-3 p-4">
              <div>
                <Link
                  to="/org/$slug/programs/$programId"
                  params={{ slug: org.slug, programId: program._id }}
                  className="font-semibold after:absolute after:inset-0"
                >
                  {program.name}
                </Link>
                <p className="text-muted-foreground text-xs">{org.name}</p>
              </div>
              <ProgressMeter progress={progress} label="Attended" />
              {progress.completedAt !== undefined ? (
                <p className="text-success inline-flex items-center gap-1 text-sm">
                  <Award className="size-4" aria-hidden="true" /> Completed
                </p>
              ) : progress.atRisk ? (
                <p className="text-muted-foreground inline-flex items-center gap-1 text-sm">
                  <AlertTriangle className="size-4" aria-hidden="true" /> You've missed a few sessions
                </p>
              ) : nextSession ? (
                <p className="text-muted-foreground text-sm">
                  Next: {formatEventShort(nextSession.startTime, nextSession.timezone)}
                </p>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
