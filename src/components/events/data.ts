// The events feature's data: query options for the live queries it reads, and one mutation hook
// per backend mutation (react-query's useMutation over Convex, so callers get isPending,
// isSuccess and error instead of keeping their own).
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { EventPage, RsvpStatus } from "./types";

export { eventQuery, useEvent } from "./queries";

/** Who is going (members only). */
export function guestsQuery(eventId: Id<"events">) {
  return convexQuery(api.events.guests.listGuests, { eventId });
}

export function myUpcomingEventsQuery() {
  return convexQuery(api.events.queries.myUpcomingEvents, {});
}

export function useOrgEvents(orgId: Id<"organizations">, when: "upcoming" | "past", pageSize: number) {
  return usePaginatedQuery(api.events.queries.listOrgEvents, { orgId, when }, { initialNumItems: pageSize });
}

export function useAttendees(eventId: Id<"events">, status: RsvpStatus | "all", pageSize: number) {
  return usePaginatedQuery(api.events.queries.listAttendees, status === "all" ? { eventId } : { eventId, status }, {
    initialNumItems: pageSize,
  });
}

/** Creates an event; `publish: true` publishes it in the same transaction. */
export function useCreateEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.createEvent) });
}

export function useUpdateEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.updateEvent) });
}

export function usePublishEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.publishEvent) });
}

export function useDuplicateEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.duplicateEvent) });
}

export function useDeleteEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.deleteEvent) });
}

export function useCancelEventMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.cancelEvent) });
}

export function useRemoveRsvpMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.mutations.removeRsvp) });
}

/** The event as it will look once `status` is recorded, for the page to show at once. */
export function withRsvp(event: EventPage, status: "going" | "maybe" | "not_going"): EventPage {
  const before = event.viewerRsvp?.status;
  if (before === status) return event;
  const full = event.spotsLeft === 0 || (event.capacity !== undefined && event.waitlistCount > 0);
  const next: RsvpStatus = status === "going" && before !== "going" && full ? "waitlisted" : status;
  if (next === before) return event;
  const count = (s: RsvpStatus) => (before === s ? -1 : 0) + (next === s ? 1 : 0);
  const goingCount = event.goingCount + count("going");
  return {
    ...event,
    goingCount,
    maybeCount: event.maybeCount + count("maybe"),
    waitlistCount: event.waitlistCount + count("waitlisted"),
    // A seat given up may go to the waitlist: the server says; until then, count it free.
    spotsLeft:
      event.capacity === undefined || event.spotsLeft === null
        ? event.spotsLeft
        : Math.max(0, event.capacity - goingCount),
    viewerRsvp: {
      status: next,
      rsvpAt: Date.now(),
      waitlistPosition: undefined,
      waitlistPositionIsLowerBound: undefined,
      promotedFromWaitlistAt: undefined,
    },
  };
}

/** RSVP, shown at once (optimistically) and corrected by the server's answer. */
export function useRsvpMutation() {
  const mutationFn = useConvexMutation(api.events.mutations.rsvp).withOptimisticUpdate((store, { eventId, status }) => {
    const event = store.getQuery(api.events.queries.getEvent, { eventId });
    if (event) store.setQuery(api.events.queries.getEvent, { eventId }, withRsvp(event, status));
  });
  return useMutation({ mutationFn });
}

/** The viewer's private calendar-feed token (created on first use). */
export function useCalendarTokenMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.calendarTokens.getOrCreateMyCalendarToken) });
}

export function useRotateCalendarTokenMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.events.calendarTokens.rotateMyCalendarToken) });
}

/** How many members publishing an event of this org notifies (admins only). */
export function publishAudienceQuery(orgId: Id<"organizations">) {
  return convexQuery(api.events.publish.publishAudience, { orgId });
}

/** Dashboard: drafts in the orgs the viewer runs. */
export function myDraftsQuery() {
  return convexQuery(api.events.queries.myDrafts, {});
}
