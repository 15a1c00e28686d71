// The event types and RSVP states with their labels. Part of the shared vocabulary (./vocabulary
// re-exports them and builds their validators); a module of its own so the event page's first
// load can show a type or an RSVP state without the whole vocabulary.

export const EVENT_TYPES = ["meetup", "workshop", "talk", "social", "reading_group", "other"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  meetup: "Meetup",
  workshop: "Workshop",
  talk: "Talk",
  social: "Social",
  reading_group: "Reading group",
  other: "Other",
};

export const RSVP_STATUSES = ["going", "maybe", "not_going", "waitlisted"] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
export const RSVP_LABELS: Record<RsvpStatus, string> = {
  going: "Going",
  maybe: "Maybe",
  not_going: "Not going",
  waitlisted: "Waitlisted",
};
