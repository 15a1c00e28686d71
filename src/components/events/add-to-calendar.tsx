import { CalendarPlus, Download, Loader2 } from "lucide-react";

import { Button } from "~/components/ui/button";
import { CONVEX_SITE_URL } from "~/lib/convex";
import { expectedErrorMessage } from "~/lib/errors";
import { googleCalendarUrl } from "@convex/events/calendarLinks";
import { useCalendarTokenMutation } from "./data";
import type { EventPage } from "./types";
import { useOrigin } from "./use-now";

export function eventIcsUrl(eventId: string, token?: string): string {
  const url = `${CONVEX_SITE_URL}/events/${encodeURIComponent(eventId)}.ics`;
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

/**
 * "Add to calendar": the event as an .ics file and a Google Calendar link. Private orgs' files
 * need the member's calendar token, fetched when they ask for the file.
 */
export function AddToCalendar({ event }: { event: EventPage }) {
  const origin = useOrigin();
  const getToken = useCalendarTokenMutation();
  const busy = getToken.isPending;
  const error = expectedErrorMessage(getToken.error);
  const google = googleCalendarUrl({
    title: event.title,
    startTime: event.startTime,
    endTime: event.endTime,
    timezone: event.timezone,
    description: event.description,
    venue: event.venue,
    pageUrl: origin ? `${origin}/events/${event._id}` : undefined,
  });
  const isPrivate = event.org.visibility === "private";

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {isPrivate ? (
          <Button
            variant="outline"
            size="sm"
            disabled={busy}
            onClick={() =>
              getToken.mutate(
                { orgId: event.org._id },
                { onSuccess: ({ token }) => window.location.assign(eventIcsUrl(event._id, token)) },
              )
            }
          >
            {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
            Download .ics
          </Button>
        ) : (
          <Button variant="outline" size="sm" asChild>
            <a href={eventIcsUrl(event._id)} download={`${event.title.replace(/[^\w -]+/g, "").trim() || "event"}.ics`}>
              <Download aria-hidden="true" />
              Download .ics
            </a>
          </Button>
        )}
        <Button variant="outline" size="sm" asChild>
          <a href={google} target="_blank" rel="noopener noreferrer">
            <CalendarPlus aria-hidden="true" />
            Google Calendar
          </a>
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
