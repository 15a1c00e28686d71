import { AlertTriangle, ClipboardCheck, Download, Loader2 } from "lucide-react";
import { useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { ATTENDANCE_MARKS, RSVP_LABELS, type AttendanceState } from "@convex/lib/vocabulary";
import {
  useAttendanceSheet,
  useExportAttendanceCsvMutation,
  useMarkAllGoingAttendedMutation,
  useMarkAttendanceMutation,
  type AttendanceRow,
  type CheckInCounts,
  type SheetFilter,
} from "./data";
import { ATTENDANCE_STATE_LABELS, howRecorded } from "./labels";

const PAGE_SIZE = 50;
const FILTERS: { value: SheetFilter | "all"; label: string; count?: (c: CheckInCounts) => number }[] = [
  { value: "all", label: "All" },
  { value: "attended", label: "Attended", count: (c) => c.attended },
  { value: "no_show", label: "No-show", count: (c) => c.noShows },
  { value: "excused", label: "Excused", count: (c) => c.excused },
  { value: "disputed", label: "Disputed", count: (c) => c.disputed },
];

/** After the event: who came, as recorded by the door, organizers and members; marks and export. */
export function AttendanceSheet({ eventId, counts }: { eventId: Id<"events">; counts: CheckInCounts | undefined }) {
  const [filter, setFilter] = useState<SheetFilter | "all">("all");
  const sheet = useAttendanceSheet(eventId, filter, PAGE_SIZE);
  const markAll = useMarkAllGoingAttendedMutation();
  const exportCsv = useExportAttendanceCsvMutation();
  const error = expectedErrorMessage(markAll.error) ?? expectedErrorMessage(exportCsv.error);

  return (
    <section aria-labelledby="sheet-title" className="rounded-xl border p-4 sm:p-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="sheet-title" className="text-lg font-semibold">
            Attendance
          </h2>
          <p className="text-muted-foreground text-sm">
            {counts
              ? `${counts.attended.toLocaleString("en")} attended · ${counts.checkedIn.toLocaleString("en")} checked in · ${counts.selfReported.toLocaleString("en")} self-reported`
              : "Updates live"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" disabled={markAll.isPending} onClick={() => markAll.mutate({ eventId })}>
            {markAll.isPending ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <ClipboardCheck aria-hidden="true" />
            )}
            Mark all going as attended
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={exportCsv.isPending}
            onClick={() => exportCsv.mutate({ eventId })}
          >
            {exportCsv.isPending ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <Download aria-hidden="true" />
            )}
            {exportCsv.isPending ? "Preparing CSV…" : "Download CSV"}
          </Button>
        </div>
      </div>
      {markAll.data ? (
        <p role="status" className="text-muted-foreground mt-2 text-sm">
          {markAll.data.marked.toLocaleString("en")} marked as attended
          {markAll.data.done ? "." : "; the rest continue in the background."}
        </p>
      ) : null}
      {exportCsv.data?.truncated ? (
        <p className="text-muted-foreground mt-2 text-sm">
          The CSV holds the first {exportCsv.data.rows.toLocaleString("en")} rows.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive mt-2 text-sm">
          {error}
        </p>
      ) : null}
      <div role="group" aria-label="Show attendance" className="mt-3 flex flex-wrap gap-1.5">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
            className={cn(
              "focus-visible:ring-ring/50 rounded-full border px-3 py-1 text-sm font-medium outline-none focus-visible:ring-[3px]",
              filter === f.value ? "bg-foreground text-background border-foreground" : "hover:bg-accent",
            )}
          >
            {f.label}
            {f.count && counts ? <span className="ml-1 opacity-70">{f.count(counts).toLocaleString("en")}</span> : null}
          </button>
        ))}
      </div>
      <div className="mt-4">
        {sheet.status === "LoadingFirstPage" ? (
          <div role="status" aria-busy="true" className="grid gap-2">
            <span className="sr-only">Loading attendance…</span>
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
          </div>
        ) : sheet.results.length === 0 ? (
          <EmptyState icon={ClipboardCheck} title={filter === "all" ? "No one RSVP'd" : "No one here"} />
        ) : (
          <ul aria-label="Attendance sheet" className="divide-y">
            {sheet.results.map((row) => (
              <SheetRow key={row.userId} eventId={eventId} row={row} />
            ))}
          </ul>
        )}
        <LoadMore status={sheet.status} onLoadMore={() => sheet.loadMore(PAGE_SIZE)} />
      </div>
    </section>
  );
}

const MARK_LABELS: Record<AttendanceState, string> = { ...ATTENDANCE_STATE_LABELS, unknown: "Not marked" };

function SheetRow({ eventId, row }: { eventId: Id<"events">; row: AttendanceRow }) {
  const mark = useMarkAttendanceMutation();
  const error = expectedErrorMessage(mark.error);
  const how = howRecorded(row.source, row.via);
  const value = mark.isPending ? mark.variables.state : (row.mark?.state ?? "unknown");
  return (
    <li
      className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center"
      data-testid="sheet-row"
      data-disputed={row.disputed ? "true" : undefined}
    >
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-1.5 font-medium">
          <span className="truncate">{row.name}</span>
          {row.disputed ? (
            <Badge variant="destructive">
              <AlertTriangle className="size-3" aria-hidden="true" />
              Disputed
            </Badge>
          ) : null}
        </p>
        <p className="text-muted-foreground text-xs">
          {row.walkIn ? "Walk-in" : RSVP_LABELS[row.rsvpStatus]} · {ATTENDANCE_STATE_LABELS[row.state]}
          {how ? ` (${how.toLowerCase()})` : ""}
          {row.selfReport ? ` · said ${row.selfReport.attended ? '"I was there"' : '"couldn\'t make it"'}` : ""}
          {row.mark?.byName ? ` · marked by ${row.mark.byName}` : ""}
        </p>
        {error ? (
          <p role="alert" className="text-destructive text-xs">
            {error}
          </p>
        ) : null}
      </div>
      <NativeSelect
        aria-label={`Attendance of ${row.name}`}
        className="sm:w-40"
        value={value}
        disabled={mark.isPending}
        onChange={(e) => mark.mutate({ eventId, userId: row.userId, state: e.target.value as AttendanceState })}
      >
        {ATTENDANCE_MARKS.map((s) => (
          <option key={s} value={s}>
            {MARK_LABELS[s]}
          </option>
        ))}
      </NativeSelect>
    </li>
  );
}
