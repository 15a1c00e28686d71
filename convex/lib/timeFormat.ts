// Event times for display, the one format of the app and its emails ("Thursday, May 14, 2026",
// "6:30 PM – 8:30 PM EDT"). The database holds UTC milliseconds and each event carries its IANA
// timezone; these helpers show a time in a zone, and say when the viewer's own zone shows a
// different wall-clock time. Pure (no Convex or browser APIs): src/lib/time.ts re-exports it.
//
// They read the wall clock with the platform's Intl and spell it in English themselves: the event
// page ships them to every visitor, and date-fns' `format` with its locale (through date-fns-tz's
// formatInTimeZone) would add ~9 KB gzip to its first JavaScript. The strings are exactly what
// formatInTimeZone gives for the same patterns (src/lib/time.test.ts compares the two). Converting a
// wall-clock time entered in a zone to UTC stays with date-fns-tz (fromZonedTime, in the form).

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The wall clock in a zone at an instant (month 1–12, weekday 0 = Sunday). */
type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, timeZone: string): WallClock {
  let format = clockFormats.get(timeZone);
  if (!format) {
    // Throws a RangeError for an unknown zone, as formatInTimeZone does.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, minute = 0, second = 0 } = parts;
  const hour = parts.hour === 24 ? 0 : (parts.hour ?? 0);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
/** "yyyy-MM-dd" */
const isoDay = (c: WallClock) => `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
/** "MMMM" → "May"; "MMM" → "May", "Sep" */
const monthName = (c: WallClock) => MONTHS[c.month - 1]!;
const monthShort = (c: WallClock) => monthName(c).slice(0, 3);
/** "EEEE" → "Thursday"; "EEE" → "Thu" */
const weekdayName = (c: WallClock) => WEEKDAYS[c.weekday]!;
const weekdayShort = (c: WallClock) => weekdayName(c).slice(0, 3);
/** "EEE, MMM d" → "Thu, May 14" */
const shortDay = (c: WallClock) => `${weekdayShort(c)}, ${monthShort(c)} ${c.day}`;

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
  const c = wallClock(ms, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
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
  return isoDay(wallClock(a, timeZone)) === isoDay(wallClock(b, timeZone));
}

/** "6:30 PM", "12 PM" (minutes dropped when on the hour). */
export function formatClock(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  const hour = c.hour % 12 || 12;
  const meridiem = c.hour < 12 ? "AM" : "PM";
  return c.minute === 0 ? `${hour} ${meridiem}` : `${hour}:${pad2(c.minute)} ${meridiem}`;
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
  const start = wallClock(startMs, timeZone);
  const end = wallClock(endMs, timeZone);
  if (sameLocalDay(startMs, endMs, timeZone)) {
    const zoneSuffix = zone === endZone ? ` ${zone}` : "";
    const from = zone === endZone ? formatClock(startMs, timeZone) : `${formatClock(startMs, timeZone)} ${zone}`;
    const to = zone === endZone ? formatClock(endMs, timeZone) : `${formatClock(endMs, timeZone)} ${endZone}`;
    return {
      date: `${weekdayName(start)}, ${monthName(start)} ${start.day}, ${start.year}`,
      time: `${from} – ${to}${zoneSuffix}`,
      zone,
    };
  }
  const sameYear = start.year === end.year;
  return {
    date: sameYear
      ? `${monthName(start)} ${start.day} – ${monthName(end)} ${end.day}, ${end.year}`
      : `${monthName(start)} ${start.day}, ${start.year} – ${monthName(end)} ${end.day}, ${end.year}`,
    time: `${shortDay(start)}, ${formatClock(startMs, timeZone)} ${zone} – ${shortDay(end)}, ${formatClock(endMs, timeZone)} ${endZone}`,
    zone,
  };
}

/** One line for lists: "Thu, May 14 · 6:30 PM EDT" (the year added when it isn't this year's). */
export function formatEventShort(startMs: number, timeZone: string, now = Date.now()): string {
  const start = wallClock(startMs, timeZone);
  const day = start.year === wallClock(now, timeZone).year ? shortDay(start) : `${shortDay(start)}, ${start.year}`;
  return `${day} · ${formatClock(startMs, timeZone)} ${zoneAbbreviation(startMs, timeZone)}`;
}

/** The date tile of a list row: { month: "MAY", day: "14" } in the event's zone. */
export function dateTile(startMs: number, timeZone: string): { month: string; day: string; weekday: string } {
  const start = wallClock(startMs, timeZone);
  return { month: monthShort(start).toUpperCase(), day: String(start.day), weekday: weekdayShort(start) };
}

/** A wall-clock "YYYY-MM-DDTHH:mm" (the datetime-local input's value) `days` from now at `hour`:00 in `timeZone`. */
export function localInputAt(days: number, hour: number, timeZone: string, now = Date.now()): string {
  const day = isoDay(wallClock(now + days * 86_400_000, timeZone));
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/** Adds minutes to a wall-clock "YYYY-MM-DDTHH:mm" (calendar arithmetic, no zone). */
export function addMinutesToLocal(local: string, minutes: number): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const ms = Date.parse(`${local}:00Z`);
  if (Number.isNaN(ms)) return local;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}

/** "Thursday, May 14, 2026, 6:30 PM EDT": one instant, fully, in `timeZone` (emails, notices). */
export function formatDateTime(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  return `${weekdayName(c)}, ${monthName(c)} ${c.day}, ${c.year}, ${formatClock(ms, timeZone)} ${zoneAbbreviation(ms, timeZone)}`;
}

/** "Thu, May 14, 6:30 PM EDT": the same, shorter. */
export function formatDateTimeShort(ms: number, timeZone: string): string {
  return `${shortDay(wallClock(ms, timeZone))}, ${formatClock(ms, timeZone)} ${zoneAbbreviation(ms, timeZone)}`;
}

/** Whether two zones show the same calendar day at an instant. */
export function sameDayIn(ms: number, a: string, b: string): boolean {
  return isoDay(wallClock(ms, a)) === isoDay(wallClock(ms, b));
}
