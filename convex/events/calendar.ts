// RFC 5545 calendar files for events, built with ical-generator (no hand-built strings).
// Pure: no database access, so the HTTP routes and any email attachment can share it.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/** What a calendar entry shows. `onlineUrl` only when the reader may see it. */
export type CalendarEvent = {
  id: string;
  title: string;
  description?: string;
  startTime: number; // UTC ms
  endTime: number;
  venue?: string;
  locationUrl?: string;
  onlineUrl?: string;
  /** The event page, e.g. https://orgs.example.org/events/<id>. */
  pageUrl?: string;
  status: "draft" | "published" | "cancelled";
  cancelReason?: string;
  sequence: number;
  updatedAt: number;
  createdAt: number;
  orgName: string;
};

/** Stable across edits and exports, unique per event. */
export function eventUid(eventId: string): string {
  return `${eventId}@astn-orgs`;
}

function describe(event: CalendarEvent): string | undefined {
  const parts: string[] = [];
  if (event.status === "cancelled") {
    parts.push(event.cancelReason ? `Cancelled: ${event.cancelReason}` : "This event was cancelled.");
  }
  if (event.description) parts.push(event.description);
  if (event.onlineUrl) parts.push(`Join online: ${event.onlineUrl}`);
  if (event.locationUrl) parts.push(`Map: ${event.locationUrl}`);
  if (event.pageUrl) parts.push(`Event page: ${event.pageUrl}`);
  return parts.length === 0 ? undefined : parts.join("\n\n");
}

/**
 * An iCalendar document with one VEVENT per event. Times are written in UTC (DTSTART:…Z), so
 * every client shows the same instant; cancelled events carry STATUS:CANCELLED.
 */
export function buildIcs(calendar: { name: string; events: CalendarEvent[]; feed?: boolean }): string {
  const cal = ical({
    name: calendar.name,
    prodId: { company: "ASTN", product: "ASTN Orgs", language: "EN" },
    method: calendar.feed ? null : ICalCalendarMethod.PUBLISH,
    ttl: calendar.feed ? 60 * 60 : null, // subscribed feeds: refresh hourly
  });
  for (const event of calendar.events) {
    cal.createEvent({
      id: eventUid(event.id),
      sequence: event.sequence,
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      start: new Date(event.startTime),
      end: new Date(event.endTime),
      summary: event.title,
      description: describe(event),
      location: event.venue ?? (event.onlineUrl ? event.onlineUrl : undefined),
      url: event.pageUrl,
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: undefined,
    });
  }
  return cal.toString();
}
