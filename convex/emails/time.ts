// Times in emails: in the member's zone, named the way people say it ("Central European Time",
// not "Europe/Berlin"), with the event's own time beside it when the two differ.
import { formatInTimeZone } from "date-fns-tz";
import { canonicalTimeZone, friendlyTimeZoneName } from "../lib/timezoneNames";

const DATE_FORMAT = "EEEE d MMMM yyyy, HH:mm";

/** Zones stored under a legacy name (Asia/Calcutta) are shown by the current one. */
function zoneOf(zone: string): string {
  return canonicalTimeZone(zone) ?? "UTC";
}

/** "Tuesday 5 May 2026, 19:00" in a zone. */
export function formatWhen(utcMs: number, timezone: string): string {
  return formatInTimeZone(utcMs, zoneOf(timezone), DATE_FORMAT);
}

/** "Central European Time" (or "British Summer Time" when that is the time at `utcMs`). */
export function zoneName(timezone: string, utcMs: number): string {
  return friendlyTimeZoneName(zoneOf(timezone), new Date(utcMs));
}

function sameWallClock(utcMs: number, a: string, b: string): boolean {
  return zoneOf(a) === zoneOf(b) || formatWhen(utcMs, a) === formatWhen(utcMs, b);
}

function sameDay(utcMs: number, a: string, b: string): boolean {
  return formatInTimeZone(utcMs, zoneOf(a), "yyyy-MM-dd") === formatInTimeZone(utcMs, zoneOf(b), "yyyy-MM-dd");
}

/**
 * One instant for a member: "Wednesday 10 June 2026, 13:30 (Eastern Time) · 18:30 British
 * Summer Time, event time". Used in inbox lines and in changes ("Start: … → …").
 */
export function formatEventTime(startTime: number, eventTimezone: string, memberTimezone: string): string {
  const mine = `${formatWhen(startTime, memberTimezone)} (${zoneName(memberTimezone, startTime)})`;
  if (sameWallClock(startTime, eventTimezone, memberTimezone)) return mine;
  const theirs = formatInTimeZone(
    startTime,
    zoneOf(eventTimezone),
    sameDay(startTime, eventTimezone, memberTimezone) ? "HH:mm" : "EEE d MMM, HH:mm",
  );
  return `${mine} · ${theirs} ${zoneName(eventTimezone, startTime)}, event time`;
}

/** "19:00–21:00" on one day, "19:00 – Thu 11 Jun, 01:00" across midnight; `date` puts the start's date first. */
function span(start: number, end: number, zone: string, date: "full" | "short" | "none"): string {
  const z = zoneOf(zone);
  const startText = formatInTimeZone(
    start,
    z,
    date === "full" ? DATE_FORMAT : date === "short" ? "EEE d MMM, HH:mm" : "HH:mm",
  );
  const oneDay = formatInTimeZone(end, z, "yyyy-MM-dd") === formatInTimeZone(start, z, "yyyy-MM-dd");
  return oneDay
    ? `${startText}–${formatInTimeZone(end, z, "HH:mm")}`
    : `${startText} – ${formatInTimeZone(end, z, "EEE d MMM, HH:mm")}`;
}

/**
 * Start and end for a member: "Wednesday 10 June 2026, 13:30–15:30 Eastern Time", and the
 * event's own time beside it when it differs: "18:30–20:30 British Summer Time".
 */
export function formatEventSpan(
  startTime: number,
  endTime: number,
  eventTimezone: string,
  memberTimezone: string,
): { mine: string; event: string | null } {
  const mine = `${span(startTime, endTime, memberTimezone, "full")} ${zoneName(memberTimezone, startTime)}`;
  if (sameWallClock(startTime, eventTimezone, memberTimezone)) return { mine, event: null };
  const theirs = span(
    startTime,
    endTime,
    eventTimezone,
    sameDay(startTime, eventTimezone, memberTimezone) ? "none" : "short",
  );
  return { mine, event: `${theirs} ${zoneName(eventTimezone, startTime)}` };
}
