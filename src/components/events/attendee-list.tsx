import { UsersRound } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { initials } from "~/lib/format";
import { cn } from "~/lib/utils";
import { useAttendees, useRemoveRsvpMutation } from "./data";
import { ATTENDANCE_STATE_LABELS } from "@convex/lib/vocabulary";
import { RSVP_LABELS, type AttendeeRow, type EventPage, type RsvpStatus } from "./types";
import { formatTimestamp } from "~/lib/time";

const PAGE_SIZE = 50;
type Filter = "all" | RsvpStatus;

const FILTERS: { value: Filter; label: string; count?: (e: EventPage) => number }[] = [
  { value: "all", label: "All" },
  { value: "going", label: "Going", count: (e) => e.goingCount },
  { value: "maybe", label: "Maybe", count: (e) => e.maybeCount },
  { value: "waitlisted", label: "Waitlist", count: (e) => e.waitlistCount },
  { value: "not_going", label: "Not going" },
];

const STATUS_VARIANT: Record<RsvpStatus, "success" | "secondary" | "muted" | "outline"> = {
  going: "success",
  maybe: "secondary",
  waitlisted: "outline",
  not_going: "muted",
};

/** Admins' live list of everyone who answered, with status and RSVP time; the waitlist in order. */
export function AttendeeList({ event }: { event: EventPage }) {
  const [filter, setFilter] = useState<Filter>("all");
  const { results, status, loadMore } = useAttendees(event._id, filter, PAGE_SIZE);
  const [removing, setRemoving] = useState<AttendeeRow | null>(null);
  const removeRsvp = useRemoveRsvpMutation();
  // While RSVPs are open (published, not started); afterwards attendance is what counts.
  const canRemove = event.canRsvp;

  return (
    <section aria-labelledby="attendees-title" className="rounded-xl border p-4 sm:p-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="attendees-title" className="text-lg font-semibold">
            Attendees
          </h2>
          <p className="text-muted-foreground text-sm">Only admins see this list · updates live</p>
        </div>
      </div>
      <div role="group" aria-label="Show attendees" className="mt-3 flex flex-wrap gap-1.5">
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
            {f.count ? <span className="ml-1 opacity-70">{f.count(event).toLocaleString("en")}</span> : null}
          </button>
        ))}
      </div>
      <div className="mt-4">
        {status === "LoadingFirstPage" ? (
          <div className="grid gap-2" role="status" aria-label="Loading attendees">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        ) : results.length === 0 ? (
          <EmptyState
            icon={UsersRound}
            title={
              filter === "all"
                ? "No RSVPs yet"
                : `Nobody ${filter === "waitlisted" ? "on the waitlist" : `with "${RSVP_LABELS[filter]}"`}`
            }
          >
            {filter === "all" ? "People who answer will appear here as they do." : null}
          </EmptyState>
        ) : (
          <ul className="divide-y" aria-label="Attendee list">
            {results.map((row) => (
              <AttendeeItem
                key={row.userId}
                row={row}
                past={event.isPast}
                onRemove={canRemove ? () => setRemoving(row) : undefined}
              />
            ))}
          </ul>
        )}
        <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} />
      </div>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? "this person"}'s RSVP?`}
        description="Their spot is freed and the next person on the waitlist moves up. They can RSVP again while they are a member."
        confirmLabel="Remove RSVP"
        onConfirm={async () => {
          if (removing) await removeRsvp.mutateAsync({ eventId: event._id, userId: removing.userId });
        }}
      />
    </section>
  );
}

function AttendeeItem({ row, past, onRemove }: { row: AttendeeRow; past: boolean; onRemove?: () => void }) {
  return (
    <li className="flex items-center gap-3 py-2.5" data-testid="attendee">
      <span
        aria-hidden="true"
        className="bg-muted flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
      >
        {initials(row.name)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" title={row.name}>
          {row.name}
        </p>
        <p className="text-muted-foreground text-xs">
          RSVP'd <time dateTime={new Date(row.rsvpAt).toISOString()}>{formatTimestamp(row.rsvpAt)}</time>
          {row.promotedFromWaitlistAt ? " · promoted from the waitlist" : ""}
        </p>
      </div>
      {past && row.attendance !== "unknown" ? (
        <Badge variant={row.attendance === "attended" ? "success" : "muted"}>
          {ATTENDANCE_STATE_LABELS[row.attendance]}
          {row.disputed ? " · disputed" : ""}
        </Badge>
      ) : null}
      <Badge variant={STATUS_VARIANT[row.status]}>
        {row.status === "waitlisted" && row.waitlistPosition !== undefined
          ? `Waitlist #${row.waitlistPosition}`
          : RSVP_LABELS[row.status]}
      </Badge>
      {onRemove ? (
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${row.name}'s RSVP`}>
          Remove
        </Button>
      ) : null}
    </li>
  );
}
