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

// Whatever the stored text holds (rows written before input was checked, or by internal code),
// nothing here may start a new line in the file: ical-generator escapes line breaks in SUMMARY,
// DESCRIPTION and LOCATION but writes NAME and X-WR-CALNAME as given. So the calendar name is
// one line, escaped here; other text keeps its line feeds (the library escapes them) and loses
// the other control characters (NUL, lone CR, …), Unicode line separators and bidi controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_BUT_LINE_FEED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu;

/** One line of text: controls become a space. */
export function calendarLine(text: string): string {
  return text.replace(CONTROLS, " ").trim();
}

/** Free text: CR LF and CR become line feeds, other controls a space. */
export function calendarText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS_BUT_LINE_FEED, " ").trim();
}

/** A TEXT value the library writes unescaped (NAME, X-WR-CALNAME): one line, RFC 5545 escapes. */
function escapedCalendarName(text: string): string {
  return calendarLine(text).replace(/[\\;,]/g, (c) => `\\${c}`);
}

function optionalLine(text: string | undefined): string | undefined {
  return text === undefined ? undefined : calendarLine(text);
}

function optionalText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : calendarText(text);
}

/** Stable across edits and exports, unique per event. */
export function eventUid(eventId: string): string {
  return `${eventId}@astn-orgs`;
}

function describe(event: CalendarEvent): string | undefined {
  const parts: string[] = [];
  if (event.status === "cancelled") {
    parts.push(event.cancelReason ? `Cancelled: ${calendarText(event.cancelReason)}` : "This event was cancelled.");
  }
  if (event.description) parts.push(calendarText(event.description));
  if (event.onlineUrl) parts.push(`Join online: ${calendarLine(event.onlineUrl)}`);
  if (event.locationUrl) parts.push(`Map: ${calendarLine(event.locationUrl)}`);
  if (event.pageUrl) parts.push(`Event page: ${calendarLine(event.pageUrl)}`);
  return parts.length === 0 ? undefined : parts.join("\n\n");
}

/**
 * An iCalendar document with one VEVENT per event. Times are written in UTC (DTSTART:…Z), so
 * every client shows the same instant; cancelled events carry STATUS:CANCELLED.
 */
export function buildIcs(calendar: { name: string; events: CalendarEvent[]; feed?: boolean }): string {
  const cal = ical({
    name: escapedCalendarName(calendar.name),
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
      summary: calendarText(event.title),
      description: describe(event),
      location: optionalText(event.venue ?? (event.onlineUrl ? event.onlineUrl : undefined)),
      url: optionalLine(event.pageUrl),
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: undefined,
    });
  }
  return cal.toString();
}
