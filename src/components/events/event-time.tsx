import { Clock } from "lucide-react";

import { formatEventWhen, showsDifferentLocalTime } from "~/lib/time";
import { useViewerTimeZone } from "./use-viewer-time-zone";

/**
 * The time block of an event page: date and time in the event's zone, and the viewer's own
 * local time beside it when their clock shows something else.
 */
export function EventTimeBlock({
  startTime,
  endTime,
  timezone,
}: {
  startTime: number;
  endTime: number;
  timezone: string;
}) {
  const viewerZone = useViewerTimeZone();
  const when = formatEventWhen(startTime, endTime, timezone);
  const local = showsDifferentLocalTime(startTime, endTime, timezone, viewerZone)
    ? formatEventWhen(startTime, endTime, viewerZone!)
    : null;
  return (
    <div className="flex gap-3">
      <span className="bg-muted text-muted-foreground flex size-10 shrink-0 items-center justify-center rounded-lg">
        <Clock className="size-5" aria-hidden="true" />
      </span>
      <div className="min-w-0">
        <p className="font-medium" data-testid="event-date">
          <time dateTime={new Date(startTime).toISOString()}>{when.date}</time>
        </p>
        <p className="text-muted-foreground text-sm" data-testid="event-time">
          {when.time}
        </p>
        {local ? (
          <p className="text-muted-foreground mt-1 text-sm" data-testid="event-local-time">
            <span className="text-foreground font-medium">Your time:</span>{" "}
            {local.date === when.date ? local.time : `${local.date}, ${local.time}`}
          </p>
        ) : null}
      </div>
    </div>
  );
}
