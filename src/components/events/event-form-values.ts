// The event form's values: defaults for a new event, an event's values, the conversion to the
// mutations' arguments, the checks made in the browser and the "when" summary.
import type { FunctionArgs } from "convex/server";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

import type { Errors } from "~/components/forms/use-form-errors";
import { formatEventWhen, showsDifferentLocalTime } from "~/lib/time";
import { browserTimeZone } from "~/lib/timezones";
import type { api } from "@convex/_generated/api";
import { DEFAULT_REMINDER_TIMES, EVENT_LIMITS, REMINDER_OFFSET_LABELS, REMINDER_OFFSETS } from "@convex/lib/vocabulary";
import type { EventPage, EventType } from "./types";

/** What createEvent / updateEvent take (besides orgId / eventId and publish). */
export type EventFieldsArgs = Omit<FunctionArgs<typeof api.events.mutations.createEvent>, "orgId" | "publish">;

export type EventFormValues = {
  title: string;
  description: string;
  eventType: EventType;
  startLocal: string;
  endLocal: string;
  timezone: string;
  venue: string;
  locationUrl: string;
  onlineUrl: string;
  capacity: string;
  notifyBefore: number[];
};

/** The reminder choices an event offers, longest first. */
export const REMINDERS = REMINDER_OFFSETS.map((minutes) => ({ minutes, label: REMINDER_OFFSET_LABELS[minutes] }));

export const FIELDS = [
  "title",
  "description",
  "eventType",
  "startLocal",
  "endLocal",
  "timezone",
  "venue",
  "locationUrl",
  "onlineUrl",
  "capacity",
  "notifyBefore",
] as const;

export const LIMITS = EVENT_LIMITS;

/** A new event: tomorrow 18:00–20:00 in the browser's zone, reminders a day and an hour before. */
export function newEventValues(timezone = browserTimeZone(), now = Date.now()): EventFormValues {
  const tomorrow = new Date(now + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}`;
  return {
    title: "",
    description: "",
    eventType: "meetup",
    startLocal: `${day}T18:00`,
    endLocal: `${day}T20:00`,
    timezone,
    venue: "",
    locationUrl: "",
    onlineUrl: "",
    capacity: "",
    notifyBefore: [...DEFAULT_REMINDER_TIMES],
  };
}

export function eventValues(event: EventPage): EventFormValues {
  return {
    title: event.title,
    description: event.description ?? "",
    eventType: event.eventType,
    startLocal: event.startLocal,
    endLocal: event.endLocal,
    timezone: event.timezone,
    venue: event.venue ?? "",
    locationUrl: event.locationUrl ?? "",
    onlineUrl: event.onlineUrl ?? "",
    capacity: event.capacity === undefined ? "" : String(event.capacity),
    notifyBefore: event.notifyBefore,
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

export function toArgs(values: EventFormValues): EventFieldsArgs {
  return {
    title: values.title.trim(),
    description: optional(values.description),
    eventType: values.eventType,
    startLocal: values.startLocal,
    endLocal: values.endLocal,
    timezone: values.timezone,
    venue: optional(values.venue),
    locationUrl: optional(values.locationUrl),
    onlineUrl: optional(values.onlineUrl),
    capacity: values.capacity.trim() === "" ? undefined : Number(values.capacity),
    notifyBefore: values.notifyBefore,
  };
}

function urlError(value: string): string | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  return /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(text) ? undefined : "Enter a full web address starting with https://";
}

/** "Thursday 14 May 2026, 18:30 – 20:30 Central European Summer Time (your time: 17:30 – 19:30 British Summer Time)". */
export function describeWhen(values: EventFormValues): string | null {
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
  if (!pattern.test(values.startLocal) || !pattern.test(values.endLocal)) return null;
  try {
    const start = fromZonedTime(values.startLocal, values.timezone).getTime();
    const end = fromZonedTime(values.endLocal, values.timezone).getTime();
    if (!(end > start)) return null;
    // A wall-clock time the zone skips (DST) doesn't round-trip: the server explains that one.
    const roundTrips = (ms: number, local: string) =>
      formatInTimeZone(ms, values.timezone, "yyyy-MM-dd'T'HH:mm") === local;
    if (!roundTrips(start, values.startLocal) || !roundTrips(end, values.endLocal)) return null;
    const when = formatEventWhen(start, end, values.timezone);
    const mine = browserTimeZone();
    const theirs = showsDifferentLocalTime(start, end, values.timezone, mine)
      ? formatEventWhen(start, end, mine)
      : null;
    const local = theirs ? ` (your time: ${theirs.date === when.date ? theirs.time : theirs.text})` : "";
    return `${when.text}${local}`;
  } catch {
    return null;
  }
}

export type SubmitIntent = "draft" | "publish" | "save";

/** The checks the browser can make before asking the server (which checks everything again). */
export function eventFormErrors(values: EventFormValues): Errors {
  const capacity = values.capacity.trim();
  return {
    title:
      values.title.trim() === ""
        ? "Give the event a title."
        : values.title.trim().length > LIMITS.title
          ? `Keep the title under ${LIMITS.title} characters.`
          : undefined,
    description:
      values.description.length > LIMITS.description
        ? `Keep the description under ${LIMITS.description.toLocaleString("en")} characters.`
        : undefined,
    startLocal: values.startLocal === "" ? "Choose when the event starts." : undefined,
    endLocal:
      values.endLocal === ""
        ? "Choose when the event ends."
        : values.startLocal !== "" && values.endLocal <= values.startLocal
          ? "The end must be after the start."
          : undefined,
    venue: values.venue.trim().length > LIMITS.venue ? `Keep the venue under ${LIMITS.venue} characters.` : undefined,
    locationUrl: urlError(values.locationUrl),
    onlineUrl: urlError(values.onlineUrl),
    capacity:
      capacity !== "" && (!/^\d+$/.test(capacity) || Number(capacity) < 1)
        ? "Capacity must be a whole number of at least 1 (leave it empty for no limit)."
        : undefined,
  };
}
