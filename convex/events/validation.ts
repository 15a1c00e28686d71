// Event input: validators for the create/edit form and the checks that turn it into stored
// fields. Times arrive as wall-clock strings in the event's IANA timezone and are stored as UTC
// milliseconds (converted at the edges with date-fns-tz).
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { v, type ObjectType } from "convex/values";
import { invalidArgument } from "../lib/errors";
import { optionalHttpUrl, optionalText, requireText, requireTimezone } from "../lib/validation";
import { DEFAULT_REMINDER_TIMES, EVENT_LIMITS, eventTypeValidator } from "../lib/vocabulary";

/** The editable fields of an event, as the create and edit forms send them. */
export const eventFieldsValidator = {
  title: v.string(),
  description: v.optional(v.string()),
  eventType: eventTypeValidator,
  startLocal: v.string(), // "YYYY-MM-DDTHH:mm" in `timezone`
  endLocal: v.string(),
  timezone: v.string(), // IANA, e.g. "Europe/London"
  venue: v.optional(v.string()),
  locationUrl: v.optional(v.string()),
  onlineUrl: v.optional(v.string()),
  capacity: v.optional(v.number()),
  notifyBefore: v.optional(v.array(v.number())), // minutes; omitted = DEFAULT_REMINDER_TIMES
};

export type EventFieldsInput = ObjectType<typeof eventFieldsValidator>;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** UTC ms as the wall-clock string the form uses, in `timezone`. */
export function toLocalInput(utcMs: number, timezone: string): string {
  return formatInTimeZone(utcMs, timezone, LOCAL_FORMAT);
}

/**
 * A wall-clock time "YYYY-MM-DDTHH:mm" in an IANA zone → UTC ms.
 * - A time that does not exist (skipped when clocks go forward, e.g. 02:30 in New York on
 *   2026-03-08) is REJECTED with INVALID_ARGUMENT: guessing would silently move the event.
 * - A time that occurs twice (clocks go back, e.g. 01:30 in London on 2026-10-25) resolves to
 *   the FIRST occurrence (still on summer time), as Google Calendar does.
 */
export function localToUtc(field: string, value: string, timezone: string): number {
  const match = LOCAL_PATTERN.exec(value.trim());
  if (match === null) throw invalidArgument(field, "Enter a date and time like 2026-05-14T18:30.");
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (
    y < 2000 ||
    y > 2100 ||
    h > 23 ||
    mi > 59 ||
    calendar.getUTCFullYear() !== y ||
    calendar.getUTCMonth() !== mo - 1 ||
    calendar.getUTCDate() !== d
  ) {
    throw invalidArgument(field, "Enter a real date and time between the years 2000 and 2100.");
  }
  const local = match[0];
  const utc = fromZonedTime(local, timezone).getTime();
  if (Number.isNaN(utc) || toLocalInput(utc, timezone) !== local) {
    throw invalidArgument(
      field,
      `${local.replace("T", " ")} does not exist in ${timezone} (the clocks skip that hour). Choose another time.`,
    );
  }
  // Ambiguous wall-clock time: prefer the earlier instant that shows the same local time.
  for (const stepMinutes of [60, 30]) {
    const earlier = utc - stepMinutes * 60_000;
    if (toLocalInput(earlier, timezone) === local) return earlier;
  }
  return utc;
}

/** Event times lie from 2020 to at most five years ahead of now. */
export function checkEventTimeRange(field: string, utcMs: number, now = Date.now()): void {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + EVENT_LIMITS.maxYearsAhead);
  if (utcMs < EVENT_LIMITS.earliestTime) {
    throw invalidArgument(field, "Events cannot be dated before 2020.");
  }
  if (utcMs > latest.getTime()) {
    throw invalidArgument(field, `Events can be scheduled at most ${EVENT_LIMITS.maxYearsAhead} years ahead.`);
  }
}

/** Reminder offsets: ≤10 whole minutes in 1..4 weeks; de-duplicated, longest first. */
export function checkNotifyBefore(values: number[] | undefined): number[] {
  if (values === undefined) return [...DEFAULT_REMINDER_TIMES];
  if (values.length > EVENT_LIMITS.notifyBeforeCount) {
    throw invalidArgument("notifyBefore", `Add at most ${EVENT_LIMITS.notifyBeforeCount} reminders.`);
  }
  for (const minutes of values) {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > EVENT_LIMITS.notifyBeforeMaxMinutes) {
      throw invalidArgument(
        "notifyBefore",
        "Each reminder must be a whole number of minutes, from 1 minute to 4 weeks before the start.",
      );
    }
  }
  return [...new Set(values)].sort((a, b) => b - a);
}

/**
 * A reminder whose send time is already past cannot be added: it would never go out. Offsets
 * the event already had (`kept`, e.g. a week-before reminder that was sent) stay as they are.
 * Omitted reminders (the defaults) quietly drop the ones already past.
 */
export function checkRemindersAhead(
  offsets: number[],
  startTime: number,
  { explicit, kept = [], now = Date.now() }: { explicit: boolean; kept?: number[]; now?: number },
): number[] {
  const past = offsets.filter((m) => startTime - m * 60_000 <= now && !kept.includes(m));
  if (past.length === 0) return offsets;
  if (!explicit) return offsets.filter((m) => !past.includes(m));
  throw invalidArgument(
    "notifyBefore",
    `${past.length === 1 ? "This reminder's" : "These reminders'"} time is already past (${past
      .map(describeOffset)
      .join(", ")} before the start). Untick ${past.length === 1 ? "it" : "them"}.`,
  );
}

function describeOffset(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function checkCapacity(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > EVENT_LIMITS.capacity) {
    throw invalidArgument("capacity", `Capacity must be a whole number from 1 to ${EVENT_LIMITS.capacity}.`);
  }
  return value;
}

/** Validates and normalizes the form; throws INVALID_ARGUMENT naming the first bad field. */
export function checkEventFields(input: EventFieldsInput, previous?: { notifyBefore?: number[] }) {
  const title = requireText("title", input.title, EVENT_LIMITS.title, "title");
  // Markdown is stored as typed (trailing/leading blank space trimmed); the UI renders it safely.
  const description = optionalText("description", input.description, EVENT_LIMITS.description, "description", {
    multiline: true,
  });
  const timezone = requireTimezone("timezone", input.timezone);
  const startTime = localToUtc("startLocal", input.startLocal, timezone);
  const endTime = localToUtc("endLocal", input.endLocal, timezone);
  checkEventTimeRange("startLocal", startTime);
  checkEventTimeRange("endLocal", endTime);
  if (endTime <= startTime) throw invalidArgument("endLocal", "The end must be after the start.");
  if (endTime - startTime > EVENT_LIMITS.maxDurationMs) {
    throw invalidArgument("endLocal", "An event can last at most 7 days.");
  }
  return {
    title,
    description,
    eventType: input.eventType,
    timezone,
    startTime,
    endTime,
    location: optionalText("venue", input.venue, EVENT_LIMITS.venue, "venue"),
    locationUrl: optionalHttpUrl("locationUrl", input.locationUrl),
    onlineUrl: optionalHttpUrl("onlineUrl", input.onlineUrl),
    capacity: checkCapacity(input.capacity),
    notifyBefore: checkRemindersAhead(checkNotifyBefore(input.notifyBefore), startTime, {
      explicit: input.notifyBefore !== undefined,
      kept: previous?.notifyBefore,
    }),
  };
}

export type CheckedEventFields = ReturnType<typeof checkEventFields>;

export function checkCancelReason(value: string | undefined): string | undefined {
  return optionalText("cancelReason", value, EVENT_LIMITS.cancelReason, "reason");
}
