// The one way the app and its emails write dates and times. Style: British English (en-GB), 24-hour
// clock, zones by their full name at that instant (so DST is right):
//   date   "Wednesday 10 June 2026"            short "Wed 10 Jun" (+ year when not this year's)
//   time   "18:30"                             range "18:30 – 20:00"
//   zone   "Central European Summer Time"      (ICU's name at that instant, legacy IDs included)
//   event  "Wednesday 10 June 2026, 18:30 – 20:00 Central European Summer Time"
//          "Fri 12 Jun – Sun 14 Jun 2026, 10:00 – 17:00 British Summer Time" (several days)
// The database holds UTC milliseconds and each event carries its IANA zone. Pure (no Convex or
// browser APIs): the event page ships it to every visitor, so it reads the wall clock with the
// platform's Intl and spells it itself instead of loading a date library with its locale.

// Month names for the short forms; weekday names come from Intl with the rest of the clock.
const MONTHS = "January February March April May June July August September October November December".split(" ");

/** The wall clock in a zone at an instant (month 1–12, weekday "Wednesday"). */
type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
};

const clockFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** `timeZone` undefined: the runtime's own zone (the viewer's, in a browser). Unknown zones throw a RangeError. */
function wallClock(ms: number, timeZone: string | undefined): WallClock {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "long",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
  const hour = +parts.hour! % 24;
  return {
    year: +parts.year!,
    month: +parts.month!,
    day: +parts.day!,
    hour,
    minute: +parts.minute!,
    second: +parts.second!,
    weekday: parts.weekday!,
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const isoDay = (c: WallClock) => `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
const monthShort = (c: WallClock) => MONTHS[c.month - 1]!.slice(0, 3);
const weekdayShort = (c: WallClock) => c.weekday.slice(0, 3);
/** "Wednesday 10 June 2026" */
const longDay = (c: WallClock) => `${c.weekday} ${c.day} ${MONTHS[c.month - 1]} ${c.year}`;
/** "Wed 10 Jun" */
const shortDay = (c: WallClock) => `${weekdayShort(c)} ${c.day} ${monthShort(c)}`;
/** "18:30" */
const clock = (c: WallClock) => `${pad2(c.hour)}:${pad2(c.minute)}`;

/**
 * A zone's name for people at an instant: "Central European Summer Time", "Greenwich Mean Time",
 * "India Standard Time", "Coordinated Universal Time" (ICU's long name); zones it only knows by
 * an offset ("GMT+04:00") are named by their city ("Dubai time").
 */
export function formatZone(ms: number, timeZone: string): string {
  const name = zoneNameFormat(timeZone)
    ?.formatToParts(ms)
    .find((p) => p.type === "timeZoneName")!.value;
  if (name !== undefined && !/^GMT/.test(name)) return name;
  return `${timeZone.split("/").pop()!.replace(/_/g, " ")} time`;
}

// One formatter per zone (making one costs about 100 µs; a reminder run names zones thousands of
// times). Null: a zone the runtime does not know, named by its city like an unnamed one.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat | null>();
function zoneNameFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = zoneNameFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "long" });
    } catch {
      format = null;
    }
    zoneNameFormats.set(timeZone, format);
  }
  return format;
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

/** "18:30" */
export function formatClock(ms: number, timeZone: string): string {
  return clock(wallClock(ms, timeZone));
}

/** "Wed 10 Jun", with the year when it isn't this year's ("Wed 9 Jun 2027"). */
export function formatDateShort(ms: number, timeZone: string, now = Date.now()): string {
  const c = wallClock(ms, timeZone);
  return c.year === wallClock(now, timeZone).year ? shortDay(c) : `${shortDay(c)} ${c.year}`;
}

export type EventWhen = {
  /** "Wednesday 10 June 2026", or "Fri 12 Jun – Sun 14 Jun 2026" for several days. */
  date: string;
  /** "18:30 – 20:00 Central European Summer Time" (each end named when a DST change falls in between). */
  time: string;
  /** The whole line: `${date}, ${time}`, as emails and one-line places show it. */
  text: string;
};

/** When an event happens, as people read it in `timeZone`. */
export function formatEventWhen(startMs: number, endMs: number, timeZone: string): EventWhen {
  const start = wallClock(startMs, timeZone);
  const end = wallClock(endMs, timeZone);
  const zone = formatZone(startMs, timeZone);
  const endZone = formatZone(endMs, timeZone);
  const time =
    zone === endZone ? `${clock(start)} – ${clock(end)} ${zone}` : `${clock(start)} ${zone} – ${clock(end)} ${endZone}`;
  let date: string;
  if (isoDay(start) === isoDay(end)) date = longDay(start);
  else if (start.year === end.year) date = `${shortDay(start)} – ${shortDay(end)} ${end.year}`;
  else date = `${shortDay(start)} ${start.year} – ${shortDay(end)} ${end.year}`;
  return { date, time, text: `${date}, ${time}` };
}

/** "Wednesday 10 June 2026, 18:30 Central European Summer Time": one instant, fully. */
export function formatDateTime(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  return `${longDay(c)}, ${clock(c)} ${formatZone(ms, timeZone)}`;
}

/** One line for lists: "Wed 10 Jun · 18:30 Central European Summer Time" (year added when not this year's). */
export function formatEventShort(startMs: number, timeZone: string, now = Date.now()): string {
  return `${formatDateShort(startMs, timeZone, now)} · ${formatClock(startMs, timeZone)} ${formatZone(startMs, timeZone)}`;
}

/** A moment in the viewer's own zone (logs, notes, timelines): "10 Jun 2026, 18:30". */
export function formatTimestamp(ms: number, timeZone?: string): string {
  return `${formatDay(ms, timeZone)}, ${clock(wallClock(ms, timeZone))}`;
}

/** A day in the viewer's own zone: "10 Jun 2026". */
export function formatDay(ms: number, timeZone?: string): string {
  const c = wallClock(ms, timeZone);
  return `${c.day} ${monthShort(c)} ${c.year}`;
}

/** A calendar day "2026-03-03" → "3 Mar 2026" (no zone: it is already a day). */
export function formatCalendarDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatDay(Date.UTC(y, m - 1, d), "UTC");
}

/** The date tile of a list row: { month: "JUN", day: "10", weekday: "Wed" } in the event's zone. */
export function dateTile(startMs: number, timeZone: string): { month: string; day: string; weekday: string } {
  const start = wallClock(startMs, timeZone);
  return { month: monthShort(start).toUpperCase(), day: String(start.day), weekday: weekdayShort(start) };
}

/** A wall-clock "YYYY-MM-DDTHH:mm" (the datetime-local input's value) `days` from now at `hour`:00 in `timeZone`. */
export function localInputAt(days: number, hour: number, timeZone: string, now = Date.now()): string {
  return `${isoDay(wallClock(now + days * 86_400_000, timeZone))}T${pad2(hour)}:00`;
}

/** Adds minutes to a wall-clock "YYYY-MM-DDTHH:mm" (calendar arithmetic, no zone). */
export function addMinutesToLocal(local: string, minutes: number): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const ms = Date.parse(`${local}:00Z`);
  if (Number.isNaN(ms)) return local;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}

/** Whether two zones show the same calendar day at an instant. */
export function sameDayIn(ms: number, a: string, b: string): boolean {
  return isoDay(wallClock(ms, a)) === isoDay(wallClock(ms, b));
}

/** Whether two zones show the same wall clock at an instant. */
export function sameWallClockIn(ms: number, a: string, b: string): boolean {
  return zoneOffsetMinutes(ms, a) === zoneOffsetMinutes(ms, b);
}

/**
 * One instant for a member, in their zone, with the event's own time beside it when the two
 * differ: "Wednesday 10 June 2026, 13:30 Eastern Daylight Time (18:30 British Summer Time, event time)".
 */
export function formatMemberTime(ms: number, eventZone: string, memberZone: string): string {
  const mine = formatDateTime(ms, memberZone);
  if (sameWallClockIn(ms, eventZone, memberZone)) return mine;
  const day = sameDayIn(ms, eventZone, memberZone) ? "" : `${formatDateShort(ms, eventZone, ms)}, `;
  return `${mine} (${day}${formatClock(ms, eventZone)} ${formatZone(ms, eventZone)}, event time)`;
}

/** An event for a member: in their zone, and in the event's when it shows another wall clock (else null; only the time when the days agree). */
export function formatMemberWhen(
  startMs: number,
  endMs: number,
  eventZone: string,
  memberZone: string,
): { mine: string; event: string | null } {
  const mine = formatEventWhen(startMs, endMs, memberZone).text;
  if (!showsDifferentLocalTime(startMs, endMs, eventZone, memberZone)) return { mine, event: null };
  const event = formatEventWhen(startMs, endMs, eventZone);
  // The same days there: the time says it all ("18:30 – 20:30 British Summer Time").
  const sameDays = sameDayIn(startMs, eventZone, memberZone) && sameDayIn(endMs, eventZone, memberZone);
  return { mine, event: sameDays ? event.time : event.text };
}
