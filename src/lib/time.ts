// Event times for display. The database holds UTC milliseconds and each event carries its IANA
// timezone; these helpers show a time in the event's zone, and say when the viewer's own zone
// shows a different wall-clock time (DESIGN.md: the viewer's local time beside it).
import { formatInTimeZone } from "date-fns-tz";

/** "GMT+5:30", "EDT", "GMT" — the zone's short name at that instant (English). */
export function zoneAbbreviation(ms: number, timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    return part ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** Minutes east of UTC of `timeZone` at the instant `ms` (e.g. +330 for Asia/Kolkata). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const local = formatInTimeZone(ms, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
  const asUtc = Date.parse(`${local}Z`);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Whether a viewer in `viewerZone` sees a different wall-clock time than the event's zone for
 * this event (checked at its start and its end: a DST change in between counts).
 */
export function showsDifferentLocalTime(
  startMs: number,
  endMs: number,
  eventZone: string,
  viewerZone: string | null | undefined,
): boolean {
  if (!viewerZone || viewerZone === eventZone) return false;
  return (
    zoneOffsetMinutes(startMs, eventZone) !== zoneOffsetMinutes(startMs, viewerZone) ||
    zoneOffsetMinutes(endMs, eventZone) !== zoneOffsetMinutes(endMs, viewerZone)
  );
}

function sameLocalDay(a: number, b: number, timeZone: string) {
  return formatInTimeZone(a, timeZone, "yyyy-MM-dd") === formatInTimeZone(b, timeZone, "yyyy-MM-dd");
}

/** "6:30 PM", "12 PM" (minutes dropped when on the hour). */
export function formatClock(ms: number, timeZone: string): string {
  return formatInTimeZone(ms, timeZone, "mm") === "00"
    ? formatInTimeZone(ms, timeZone, "h a")
    : formatInTimeZone(ms, timeZone, "h:mm a");
}

export type EventWhen = {
  /** "Thursday, May 14, 2026" (or "May 14 – May 16, 2026" for a multi-day event). */
  date: string;
  /** "6:30 PM – 8:30 PM EDT", or "Thu, May 14, 6:30 PM – Sat, May 16, 11 AM BST". */
  time: string;
  /** The zone's short name at the start: "EDT". */
  zone: string;
};

/** When an event happens, as people read it in `timeZone`. */
export function formatEventWhen(startMs: number, endMs: number, timeZone: string): EventWhen {
  const zone = zoneAbbreviation(startMs, timeZone);
  const endZone = zoneAbbreviation(endMs, timeZone);
  if (sameLocalDay(startMs, endMs, timeZone)) {
    const zoneSuffix = zone === endZone ? ` ${zone}` : "";
    const start = zone === endZone ? formatClock(startMs, timeZone) : `${formatClock(startMs, timeZone)} ${zone}`;
    const end = zone === endZone ? formatClock(endMs, timeZone) : `${formatClock(endMs, timeZone)} ${endZone}`;
    return {
      date: formatInTimeZone(startMs, timeZone, "EEEE, MMMM d, yyyy"),
      time: `${start} – ${end}${zoneSuffix}`,
      zone,
    };
  }
  const sameYear = formatInTimeZone(startMs, timeZone, "yyyy") === formatInTimeZone(endMs, timeZone, "yyyy");
  return {
    date: sameYear
      ? `${formatInTimeZone(startMs, timeZone, "MMMM d")} – ${formatInTimeZone(endMs, timeZone, "MMMM d, yyyy")}`
      : `${formatInTimeZone(startMs, timeZone, "MMMM d, yyyy")} – ${formatInTimeZone(endMs, timeZone, "MMMM d, yyyy")}`,
    time: `${formatInTimeZone(startMs, timeZone, "EEE, MMM d")}, ${formatClock(startMs, timeZone)} ${zone} – ${formatInTimeZone(endMs, timeZone, "EEE, MMM d")}, ${formatClock(endMs, timeZone)} ${endZone}`,
    zone,
  };
}

/** One line for lists: "Thu, May 14 · 6:30 PM EDT" (the year added when it isn't this year's). */
export function formatEventShort(startMs: number, timeZone: string, now = Date.now()): string {
  const year = formatInTimeZone(startMs, timeZone, "yyyy");
  const thisYear = formatInTimeZone(now, timeZone, "yyyy");
  const day = formatInTimeZone(startMs, timeZone, year === thisYear ? "EEE, MMM d" : "EEE, MMM d, yyyy");
  return `${day} · ${formatClock(startMs, timeZone)} ${zoneAbbreviation(startMs, timeZone)}`;
}

/** The date tile of a list row: { month: "MAY", day: "14" } in the event's zone. */
export function dateTile(startMs: number, timeZone: string): { month: string; day: string; weekday: string } {
  return {
    month: formatInTimeZone(startMs, timeZone, "MMM").toUpperCase(),
    day: formatInTimeZone(startMs, timeZone, "d"),
    weekday: formatInTimeZone(startMs, timeZone, "EEE"),
  };
}

/** A wall-clock "YYYY-MM-DDTHH:mm" (the datetime-local input's value) `days` from now at `hour`:00 in `timeZone`. */
export function localInputAt(days: number, hour: number, timeZone: string, now = Date.now()): string {
  const day = formatInTimeZone(now + days * 86_400_000, timeZone, "yyyy-MM-dd");
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/** Adds minutes to a wall-clock "YYYY-MM-DDTHH:mm" (calendar arithmetic, no zone). */
export function addMinutesToLocal(local: string, minutes: number): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const ms = Date.parse(`${local}:00Z`);
  if (Number.isNaN(ms)) return local;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}
