import { Ticket } from "lucide-react";

import { spotsLabel } from "./rsvp-counts";
import type { EventPage } from "./types";

/** Seats taken of the capacity: a bar and "15 of 40", with the spots left. */
export default function CapacityBar({ event }: { event: EventPage }) {
  const capacity = event.capacity ?? 0;
  const spots = spotsLabel(event);
  return (
    <div className="-mt-1 grid gap-1.5">
      <div
        role="meter"
        aria-label="Seats taken"
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={Math.min(event.goingCount, capacity)}
        aria-valuetext={`${event.goingCount} of ${capacity}`}
        className="bg-muted h-2 overflow-hidden rounded-full"
      >
        <div
          className="bg-primary h-full rounded-full"
          style={{ width: `${Math.min(100, (event.goingCount / Math.max(1, capacity)) * 100)}%` }}
        />
      </div>
      <p className="text-muted-foreground flex items-center justify-between gap-2 text-sm">
        <span data-testid="capacity">
          {event.goingCount.toLocaleString("en")} of {capacity.toLocaleString("en")}
        </span>
        {spots ? (
          <span className="flex items-center gap-1.5" data-testid="spots-left">
            <Ticket className="size-4" aria-hidden="true" />
            {spots}
          </span>
        ) : null}
      </p>
    </div>
  );
}
