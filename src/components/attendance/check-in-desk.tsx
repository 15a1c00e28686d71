import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Check, Loader2, Lock, Search, Undo2, UserCheck } from "lucide-react";
import { useDeferredValue, useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { useEvent } from "~/components/events/queries";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { formatClock, formatEventShort } from "~/lib/time";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { RSVP_LABELS } from "@convex/lib/vocabulary";
import { CheckInQrButton } from "./check-in-qr";
import {
  checkInCountsQuery,
  useCheckInList,
  useCheckInMutation,
  useUndoCheckInMutation,
  type AttendanceRow,
  type CheckInStatus,
} from "./data";
import { AddWalkInButton } from "./walk-in-dialog";

const PAGE_SIZE = 50;
const FILTERS: { value: CheckInStatus | "all"; label: string }[] = [
  { value: "all", label: "All" },
  { value: "going", label: "Going" },
  { value: "maybe", label: "Maybe" },
  { value: "waitlisted", label: "Waitlist" },
  { value: "walk_in", label: "Walk-ins" },
];

/** The door: who's coming, one tap to check them in, walk-ins, live counts. */
export function CheckInDesk({ eventId }: { eventId: string }) {
  const { event, loading, notFound, failed } = useEvent(eventId);
  if (loading) return <DeskSkeleton />;
  if (notFound || failed || !event || event.viewerRole !== "admin") {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <EmptyState icon={Lock} title={failed ? "Couldn't load the check-in desk" : "Check-in desk not available"}>
          {failed ? "Please reload the page." : "Only organizers of this event's organization can check people in."}
        </EmptyState>
      </div>
    );
  }
  return (
    <Desk
      eventId={event._id}
      title={event.title}
      orgId={event.org._id}
      timezone={event.timezone}
      ended={event.isPast}
    />
  );
}

function Desk({
  eventId,
  title,
  orgId,
  timezone,
  ended,
}: {
  eventId: Id<"events">;
  title: string;
  orgId: Id<"organizations">;
  timezone: string;
  ended: boolean;
}) {
  const counts = useQuery(checkInCountsQuery(eventId));
  const [filter, setFilter] = useState<CheckInStatus | "all">("all");
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const list = useCheckInList(eventId, filter, deferredSearch, PAGE_SIZE);
  const c = counts.data;
  const closed = c ? !c.isOpen : false;

  return (
    <div className="mx-auto grid w-full max-w-2xl gap-4 px-4 py-6 sm:px-6">
      <div>
        <Link
          to="/events/$eventId"
          params={{ eventId }}
          className="text-muted-foreground hover:text-foreground inline-flex items-center gap-1 text-sm"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          Back to the event
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight break-words">Check-in: {title}</h1>
      </div>

      <div className="bg-card sticky top-14 z-10 grid gap-3 rounded-xl border p-3 shadow-sm">
        <p className="text-lg font-semibold" role="status" aria-live="polite" data-testid="check-in-counts">
          {c ? (
            <>
              {c.checkedIn.toLocaleString("en")} checked in{" "}
              <span className="text-muted-foreground font-normal">/ {c.going.toLocaleString("en")} going</span>
              {c.walkIns > 0 ? (
                <span className="text-muted-foreground text-sm font-normal"> · {c.walkIns} walk-ins</span>
              ) : null}
            </>
          ) : (
            <Skeleton className="h-7 w-48" />
          )}
        </p>
        {c && closed ? (
          <p
            role="note"
            className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
          >
            {!ended
              ? `Check-in opens ${formatEventShort(c.opensAt, timezone)}.`
              : `Check-in closed ${formatEventShort(c.closesAt, timezone)}.`}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <AddWalkInButton eventId={eventId} orgId={orgId} disabled={closed} />
          <CheckInQrButton eventId={eventId} />
        </div>
        <div className="relative">
          <Search
            className="text-muted-foreground absolute top-1/2 left-3 size-4 -translate-y-1/2"
            aria-hidden="true"
          />
          <Input
            type="search"
            aria-label="Search by name"
            placeholder="Search by name"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="h-11 pl-9"
          />
        </div>
        <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
          {FILTERS.map((f) => (
            <Button
              key={f.value}
              size="sm"
              variant={filter === f.value ? "default" : "ghost"}
              aria-pressed={filter === f.value}
              onClick={() => setFilter(f.value)}
            >
              {f.label}
            </Button>
          ))}
        </div>
      </div>

      {list.status === "LoadingFirstPage" ? (
        <DeskRowsSkeleton />
      ) : list.results.length === 0 ? (
        <EmptyState icon={UserCheck} title={search ? `No one called "${search}"` : "No one on this list yet"}>
          {search ? "Try another spelling, or add them as a walk-in." : "RSVPs appear here as they come in."}
        </EmptyState>
      ) : (
        <ul aria-label="Check-in list" className="divide-y rounded-xl border">
          {list.results.map((row) => (
            <DeskRow key={row.userId} eventId={eventId} row={row} closed={closed} timezone={timezone} />
          ))}
        </ul>
      )}
      <LoadMore status={list.status} onLoadMore={() => list.loadMore(PAGE_SIZE)} />
    </div>
  );
}

function DeskRow({
  eventId,
  row,
  closed,
  timezone,
}: {
  eventId: Id<"events">;
  row: AttendanceRow;
  closed: boolean;
  timezone: string;
}) {
  const checkIn = useCheckInMutation();
  const undo = useUndoCheckInMutation();
  const busy = checkIn.isPending || undo.isPending;
  const error = expectedErrorMessage(checkIn.error) ?? expectedErrorMessage(undo.error);
  return (
    <li className={cn("flex items-center gap-3 p-3", row.checkedIn && "bg-success/5")} data-testid="check-in-row">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{row.name}</p>
        <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
          <Badge variant="muted">{row.walkIn ? "Walk-in" : RSVP_LABELS[row.rsvpStatus]}</Badge>
          {row.checkedIn ? (
            <span className="text-success font-medium">
              Checked in{row.via === "self" ? " (scanned)" : ""}
              {row.recordedAt ? ` · ${formatClock(row.recordedAt, timezone)}` : ""}
            </span>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="text-destructive mt-1 text-xs">
            {error}
          </p>
        ) : null}
      </div>
      {row.checkedIn ? (
        <Button
          variant="outline"
          className="h-11"
          disabled={busy || closed}
          aria-label={`Undo check-in for ${row.name}`}
          onClick={() => undo.mutate({ eventId, userId: row.userId })}
        >
          {undo.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Undo2 aria-hidden="true" />}
          Undo
        </Button>
      ) : (
        <Button
          className="h-11 min-w-28"
          disabled={busy || closed}
          aria-label={`Check in ${row.name}`}
          onClick={() => checkIn.mutate({ eventId, userId: row.userId })}
        >
          {checkIn.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Check aria-hidden="true" />}
          Check in
        </Button>
      )}
    </li>
  );
}

function DeskRowsSkeleton() {
  return (
    <div role="status" aria-busy="true" className="grid gap-2">
      <span className="sr-only">Loading the list…</span>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-16 rounded-xl" />
      ))}
    </div>
  );
}

function DeskSkeleton() {
  return (
    <div className="mx-auto grid w-full max-w-2xl gap-4 px-4 py-6" role="status" aria-busy="true">
      <span className="sr-only">Loading the check-in desk…</span>
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-40 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </div>
  );
}
