import { Link } from "@tanstack/react-router";
import { CalendarCheck, ShieldCheck } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { formatEventShort } from "~/lib/time";
import { useAttendanceHistory, type HistoryRow } from "./data";
import { ATTENDANCE_STATE_LABELS, howRecorded } from "./labels";
import { StarsShown } from "./star-rating";

const PAGE_SIZE = 10;

/** The member's own attendance, newest event first, with how each was recorded and their feedback. */
export function AttendanceHistory() {
  const history = useAttendanceHistory(PAGE_SIZE);
  return (
    <Card>
      <CardHeader>
        <CardTitle id="attendance-history-title">Attendance history</CardTitle>
        <CardDescription>Events you went to, as checked in, marked by organizers or confirmed by you.</CardDescription>
      </CardHeader>
      <CardContent>
        {history.status === "LoadingFirstPage" ? (
          <div role="status" aria-busy="true" className="grid gap-2">
            <span className="sr-only">Loading your attendance…</span>
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
          </div>
        ) : history.results.length === 0 ? (
          <EmptyState icon={CalendarCheck} title="No events yet">
            After you go to an event, it shows up here.
          </EmptyState>
        ) : (
          <ul aria-labelledby="attendance-history-title" className="divide-y">
            {history.results.map((row) => (
              <HistoryItem key={row.eventId} row={row} />
            ))}
          </ul>
        )}
        <LoadMore status={history.status} onLoadMore={() => history.loadMore(PAGE_SIZE)} />
      </CardContent>
    </Card>
  );
}

function HistoryItem({ row }: { row: HistoryRow }) {
  const how = howRecorded(row.source, row.via);
  return (
    <li className="grid gap-1 py-3" data-testid="history-row">
      <div className="flex flex-wrap items-center gap-2">
        <Link
          to="/events/$eventId"
          params={{ eventId: row.eventId }}
          className="font-medium break-words underline-offset-4 hover:underline"
        >
          {row.title}
        </Link>
        <Badge variant={row.state === "attended" ? "success" : "muted"}>{ATTENDANCE_STATE_LABELS[row.state]}</Badge>
        {row.state === "attended" ? (
          row.verified ? (
            <Badge variant="secondary" title={how ?? undefined}>
              <ShieldCheck className="size-3" aria-hidden="true" />
              Verified
            </Badge>
          ) : (
            <Badge variant="outline">Self-reported</Badge>
          )
        ) : null}
        {row.disputed ? <Badge variant="destructive">Disputed</Badge> : null}
      </div>
      <p className="text-muted-foreground text-sm">
        {row.orgName} · {formatEventShort(row.startTime, row.timezone)}
        {how && row.verified ? ` · ${how}` : ""}
      </p>
      {row.feedback ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StarsShown rating={row.feedback.rating} />
          {row.feedback.comment ? (
            <span className="text-muted-foreground line-clamp-2 break-words">{row.feedback.comment}</span>
          ) : null}
          {row.feedback.anonymous ? <span className="text-muted-foreground text-xs">(anonymous)</span> : null}
        </div>
      ) : null}
    </li>
  );
}
