import type { FunctionReturnType } from "convex/server";

import type { api } from "../../../convex/_generated/api";

export type EventPage = FunctionReturnType<typeof api.events.queries.getEvent>;
export type EventSummary = FunctionReturnType<typeof api.events.queries.listOrgEvents>["page"][number];
export type DashboardItem = FunctionReturnType<typeof api.events.queries.myUpcomingEvents>["events"][number];
export type AttendeeRow = FunctionReturnType<typeof api.events.queries.listAttendees>["page"][number];
export type EventType = EventSummary["eventType"];
export type RsvpStatus = NonNullable<EventPage["viewerRsvp"]>["status"];

export const EVENT_TYPES: { value: EventType; label: string }[] = [
  { value: "meetup", label: "Meetup" },
  { value: "workshop", label: "Workshop" },
  { value: "talk", label: "Talk" },
  { value: "social", label: "Social" },
  { value: "reading_group", label: "Reading group" },
  { value: "other", label: "Other" },
];

export function eventTypeLabel(type: EventType): string {
  return EVENT_TYPES.find((t) => t.value === type)?.label ?? "Event";
}

export const RSVP_LABELS: Record<RsvpStatus, string> = {
  going: "Going",
  maybe: "Maybe",
  not_going: "Not going",
  waitlisted: "Waitlisted",
};
