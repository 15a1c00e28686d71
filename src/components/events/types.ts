import type { FunctionReturnType } from "convex/server";

import type { api } from "@convex/_generated/api";
import {
  EVENT_TYPE_LABELS,
  EVENT_TYPES as EVENT_TYPE_VALUES,
  type EventType,
  RSVP_LABELS,
  type RsvpStatus,
} from "@convex/lib/eventLabels";

export type EventPage = FunctionReturnType<typeof api.events.queries.getEvent>;
export type EventSummary = FunctionReturnType<typeof api.events.queries.listOrgEvents>["page"][number];
export type DashboardItem = FunctionReturnType<typeof api.events.queries.myUpcomingEvents>["events"][number];
export type AttendeeRow = FunctionReturnType<typeof api.events.queries.listAttendees>["page"][number];

export type { EventType, RsvpStatus };
export { RSVP_LABELS };

/** The event types as choices for a select, in their fixed order. */
export const EVENT_TYPES = EVENT_TYPE_VALUES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] }));

export function eventTypeLabel(type: EventType): string {
  return EVENT_TYPE_LABELS[type];
}
