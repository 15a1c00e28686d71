// Attendance by program on the stats page: one row per program overlapping the range (a table
// on wide screens, cards on a phone), and a chart of the attendance rates (recharts, lazy).
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { GraduationCap } from "lucide-react";
import { lazy, Suspense } from "react";
import type { FunctionReturnType } from "convex/server";

import { EmptyState } from "~/components/common/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import type { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { PROGRAM_KIND_LABELS, type StatsRange } from "@convex/lib/vocabulary";
import { programStatsQuery } from "./data";

export type ProgramStats = FunctionReturnType<typeof api.crm.statsPrograms.programStats>;
export type ProgramStatsRow = ProgramStats["programs"][number];

const ProgramsChart = lazy(() => import("./stats-programs-chart"));

export const ratePercent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

const COLUMNS = ["Sessions held", "Participants", "Avg. attendance", "Completed", "At risk"] as const;

function cells(p: ProgramStatsRow): string[] {
  return [
    `${p.sessionsHeld} of ${p.sessions}`,
    String(p.participants),
    ratePercent(p.attendanceRate),
    String(p.completions),
    String(p.atRisk),
  ];
}

function ProgramName({ slug, p }: { slug: string; p: ProgramStatsRow }) {
  return (
    <div className="grid min-w-0">
      <Link
        to="/org/$slug/programs/$programId/manage"
        params={{ slug, programId: p.programId }}
        className="hover:text-primary truncate font-medium underline-offset-4 hover:underline"
      >
        {p.name}
      </Link>
      <span className="text-muted-foreground text-xs">
        {PROGRAM_KIND_LABELS[p.kind]} ·{" "}
        <Link
          to="/org/$slug/members"
          params={{ slug }}
          search={{ program: p.programId }}
          className="underline-offset-4 hover:underline"
        >
          participants in the directory
        </Link>
      </span>
    </div>
  );
}

export function StatsPrograms({ orgId, slug, range }: { orgId: Id<"organizations">; slug: string; range: StatsRange }) {
  const stats = useQuery({ ...programStatsQuery(orgId, range), placeholderData: (previous) => previous });
  const data = stats.data;
  return (
    <section aria-labelledby="stats-programs-title" className="grid gap-3">
      <div>
        <h3 id="stats-programs-title" className="text-lg font-semibold">
          Attendance by program
        </h3>
        <p className="text-muted-foreground text-sm">
          From the session attendance records. Average attendance is, per session held, the share of the participants
          enrolled at that session who attended.
        </p>
      </div>
      {data === undefined ? (
        <Skeleton className="h-32" />
      ) : data.programs.length === 0 ? (
        <EmptyState icon={GraduationCap} title="No programs in this range">
          Reading groups, fellowships and courses that run in this range show their attendance here.{" "}
          <Link to="/org/$slug/programs" params={{ slug }} className="text-primary underline-offset-4 hover:underline">
            Go to programs
          </Link>
        </EmptyState>
      ) : (
        <>
          <div className="bg-card hidden overflow-x-auto rounded-xl border shadow-sm md:block">
            <table className="w-full text-sm" aria-label="Attendance by program">
              <thead className="text-muted-foreground border-b text-left text-xs">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Program
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-right font-medium">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.programs.map((p) => (
                  <tr key={p.programId} className="border-b last:border-0" data-testid="program-stats-row">
                    <td className="max-w-72 px-3 py-2">
                      <ProgramName slug={slug} p={p} />
                    </td>
                    {cells(p).map((value, i) => (
                      <td key={COLUMNS[i]} className="px-3 py-2 text-right tabular-nums">
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="grid gap-3 md:hidden" aria-label="Attendance by program">
            {data.programs.map((p) => (
              <li key={p.programId} className="bg-card grid gap-2 rounded-xl border p-3 shadow-sm">
                <ProgramName slug={slug} p={p} />
                <dl className="grid grid-cols-3 gap-2">
                  {cells(p).map((value, i) => (
                    <div key={COLUMNS[i]}>
                      <dt className="text-muted-foreground text-xs">{COLUMNS[i]}</dt>
                      <dd className="font-semibold tabular-nums">{value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          {data.truncated ? (
            <p className="text-muted-foreground text-xs">
              More programs ran in this range; the latest-starting are shown.
            </p>
          ) : null}
          <Suspense fallback={<Skeleton className="h-72" />}>
            <ProgramsChart stats={data} />
          </Suspense>
        </>
      )}
    </section>
  );
}
