// The event page's own query: its options (for the route's loader) and its hook. Kept apart from
// data.ts (the mutation hooks and lists) so the page's first JavaScript carries only this.
import { convexQuery } from "@convex-dev/react-query";

import { useAuthAwareQuery } from "~/lib/use-auth-aware-query";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export function eventQuery(eventId: string) {
  return convexQuery(api.events.queries.getEvent, { eventId: eventId as Id<"events"> });
}

/**
 * The event page's data, live; "not found" only once the session has settled (a draft or a
 * members-only event is NOT_FOUND to the signed-out server render).
 */
export function useEvent(eventId: string) {
  const { data, ...state } = useAuthAwareQuery(eventQuery(eventId));
  return { event: data, ...state };
}
