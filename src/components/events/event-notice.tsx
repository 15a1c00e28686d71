import { Ban, FileEdit } from "lucide-react";

import type { EventPage } from "./types";

/** The banner of a cancelled event (with the reason) or a draft. */
export default function EventNotice({ event }: { event: EventPage }) {
  return (
    <>
      {event.status === "cancelled" ? (
        <div role="note" className="border-destructive/30 bg-destructive/5 mb-6 flex gap-3 rounded-xl border p-4">
          <Ban className="text-destructive mt-0.5 size-5 shrink-0" aria-hidden="true" />
          <div className="min-w-0">
            <p className="text-destructive font-semibold">This event was cancelled</p>
            {event.cancelReason ? (
              <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{event.cancelReason}</p>
            ) : null}
          </div>
        </div>
      ) : event.status === "draft" ? (
        <div
          role="note"
          className="mb-6 flex gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40"
        >
          <FileEdit className="mt-0.5 size-5 shrink-0 text-amber-700 dark:text-amber-400" aria-hidden="true" />
          <div>
            <p className="font-semibold">Draft</p>
            <p className="text-muted-foreground text-sm">
              Only admins of {event.org.name} can see this event until it's published.
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
