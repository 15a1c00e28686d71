import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { formatDay } from "~/lib/time";
import type { MemberRecord } from "./record-profile";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Attendance figures from the membership's counters. */
export function RecordAttendance({ attendance: a }: { attendance: MemberRecord["attendance"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3>Attendance</h3>
        </CardTitle>
        <CardDescription>
          {a.rate === null
            ? "No attendance recorded yet."
            : `Came to ${percent(a.rate)} of the events with a recorded outcome.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-2">
          <Figure term="Attendance rate" value={a.rate === null ? "—" : percent(a.rate)} />
          <Figure
            term="Events attended"
            value={String(a.attended)}
            detail={a.attendedSelfReported > 0 ? `${a.attendedSelfReported} self-reported` : undefined}
          />
          <Figure term="No-shows" value={String(a.noShows)} />
          <Figure term="RSVPs" value={String(a.rsvped)} />
        </dl>
        <p className="text-muted-foreground mt-3 text-xs">
          {a.lastAttendedAt === null ? "Never attended yet." : `Last attended ${formatDay(a.lastAttendedAt)}.`}
        </p>
      </CardContent>
    </Card>
  );
}

function Figure({ term, value, detail }: { term: string; value: string; detail?: string }) {
  return (
    <div className="bg-muted/40 rounded-lg px-3 py-2">
      <dt className="text-muted-foreground text-xs">{term}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {detail ? <dd className="text-muted-foreground text-xs">{detail}</dd> : null}
    </div>
  );
}
