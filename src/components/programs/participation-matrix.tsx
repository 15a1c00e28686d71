import { AlertTriangle, Check, CircleDashed, Clock, Minus, X } from "lucide-react";

import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import { SESSION_CELL_LABELS, type SessionCellState } from "@convex/lib/vocabulary";
import type { MatrixData } from "./data";
import { progressText } from "./format";
import { dateTile } from "~/lib/time";

/** "10 JUN": the date tile's words, small enough for a column head. */
const dayMonth = (ms: number, zone: string) => {
  const tile = dateTile(ms, zone);
  return `${tile.day} ${tile.month}`;
};

const CELL_STYLE: Record<SessionCellState, { icon: typeof Check; className: string }> = {
  attended: { icon: Check, className: "bg-success/15 text-success" },
  missed: { icon: X, className: "bg-destructive/10 text-destructive" },
  excused: { icon: Minus, className: "bg-secondary text-secondary-foreground" },
  upcoming: { icon: Clock, className: "bg-muted text-muted-foreground" },
  cancelled: { icon: Minus, className: "text-muted-foreground/50" },
  // Before a late joiner enrolled: visibly not an absence.
  not_enrolled: { icon: CircleDashed, className: "border border-dashed text-muted-foreground/70" },
};

/**
 * Participants × sessions, live: attended, missed, excused, upcoming, and "not enrolled yet" for
 * sessions held before a late joiner enrolled; progress and at-risk.
 */
export function ParticipationMatrix({
  data,
  timezone,
  required,
}: {
  data: MatrixData;
  timezone: string;
  required: number;
}) {
  if (data.participants.length === 0) {
    return (
      <p className="text-muted-foreground rounded-lg border border-dashed p-6 text-center text-sm">
        No participants yet.
      </p>
    );
  }
  return (
    <div className="grid min-w-0 grid-cols-1 gap-3">
      <div className="relative overflow-x-auto rounded-lg border">
        <table className="w-full border-collapse text-sm" aria-label="Participation">
          <thead className="bg-muted/50">
            <tr>
              <th scope="col" className="bg-muted/50 sticky left-0 px-3 py-2 text-left font-medium">
                Participant
              </th>
              {data.sessions.map((s, i) => (
                <th key={s._id} scope="col" className="px-1 py-2 text-center font-medium whitespace-nowrap">
                  <span className="sr-only">Session {i + 1}, </span>
                  <span aria-hidden="true">{i + 1}</span>
                  <span className="text-muted-foreground block text-[10px] font-normal">
                    {dayMonth(s.startTime, timezone)}
                  </span>
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Progress
              </th>
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.userId} className="border-t">
                <th
                  scope="row"
                  className="bg-background sticky left-0 px-3 py-2 text-left font-medium whitespace-nowrap"
                >
                  <span className="inline-flex items-center gap-2">
                    {p.name}
                    {p.progress.atRisk ? (
                      <Badge variant="destructive" title="Can no longer reach the completion criteria">
                        <AlertTriangle aria-hidden="true" />
                        At risk
                      </Badge>
                    ) : null}
                    {p.progress.completedAt !== undefined ? <Badge variant="success">Completed</Badge> : null}
                  </span>
                </th>
                {p.cells.map((cell, i) => {
                  const { icon: Icon, className } = CELL_STYLE[cell];
                  return (
                    <td key={data.sessions[i]!._id} className="px-1 py-1 text-center">
                      <span
                        className={cn("inline-flex size-7 items-center justify-center rounded", className)}
                        title={`Session ${i + 1}: ${SESSION_CELL_LABELS[cell]}`}
                        data-cell={cell}
                      >
                        <Icon className="size-4" aria-hidden="true" />
                        <span className="sr-only">{SESSION_CELL_LABELS[cell]}</span>
                      </span>
                    </td>
                  );
                })}
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="matrix-progress">
                  {progressText(p.progress)}
                  {p.progress.joinedAfter > 0 ? (
                    <span className="text-muted-foreground block text-xs">
                      joined after {p.progress.joinedAfter} {p.progress.joinedAfter === 1 ? "session" : "sessions"}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="text-muted-foreground flex flex-wrap gap-3 text-xs" aria-label="Legend">
        {(["attended", "missed", "excused", "upcoming", "not_enrolled"] as const).map((c) => {
          const { icon: Icon, className } = CELL_STYLE[c];
          return (
            <li key={c} className="inline-flex items-center gap-1">
              <span className={cn("inline-flex size-5 items-center justify-center rounded", className)}>
                <Icon className="size-3" aria-hidden="true" />
              </span>
              {SESSION_CELL_LABELS[c]}
            </li>
          );
        })}
      </ul>
      {data.participants.some((p) => p.progress.joinedAfter > 0) ? (
        <p className="text-muted-foreground text-xs">
          Sessions held before someone joined show as not enrolled yet: they are not absences. Completing still takes{" "}
          {required} sessions; a late joiner is at risk once the sessions left to them cannot get them there.
        </p>
      ) : null}
    </div>
  );
}
