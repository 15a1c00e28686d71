import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { UserCheck } from "lucide-react";

import { buttonVariants } from "~/components/ui/button-variants";
import type { Id } from "@convex/_generated/dataModel";
import { AttendanceSheet } from "./attendance-sheet";
import { CheckInQrButton } from "./check-in-qr";
import { checkInCountsQuery } from "./data";
import { FeedbackSummary } from "./feedback-summary";

/**
 * The event page's attendance tools for organizers (loaded lazily, admins only): the door and the
 * venue code while check-in is open, the sheet once the event has started, feedback once it ended.
 */
export default function OrganizerAttendance({
  eventId,
  started,
  ended,
}: {
  eventId: Id<"events">;
  started: boolean;
  ended: boolean;
}) {
  const counts = useQuery(checkInCountsQuery(eventId));
  const c = counts.data;
  return (
    <div className="grid gap-8">
      {c?.isOpen || !ended ? (
        <section aria-labelledby="check-in-title" className="rounded-xl border p-4 sm:p-5">
          <h2 id="check-in-title" className="text-lg font-semibold">
            Check-in
          </h2>
          <p className="text-muted-foreground text-sm">
            {c
              ? `${c.checkedIn.toLocaleString("en")} checked in / ${c.going.toLocaleString("en")} going`
              : "Opens 2 hours before the start."}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link to="/events/$eventId/check-in-desk" params={{ eventId }} className={buttonVariants()}>
              <UserCheck aria-hidden="true" />
              Open check-in desk
            </Link>
            <CheckInQrButton eventId={eventId} />
          </div>
        </section>
      ) : null}
      {started ? <AttendanceSheet eventId={eventId} counts={c} /> : null}
      {ended ? <FeedbackSummary eventId={eventId} /> : null}
    </div>
  );
}
