import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { useConvexAuth } from "convex/react";
import { useEffect, useState, useSyncExternalStore } from "react";

import { errorCode } from "~/lib/errors";
import type { Id } from "../../../convex/_generated/dataModel";
import { api } from "../../../convex/_generated/api";

export function eventQuery(eventId: string) {
  return convexQuery(api.events.queries.getEvent, { eventId: eventId as Id<"events"> });
}

/** An id that isn't an events id at all fails argument validation, not with NOT_FOUND. */
function isBadId(error: unknown): boolean {
  return error instanceof Error && /validator|not a valid id|invalid id/i.test(error.message);
}

/**
 * The event page's data, live. Private orgs' events and drafts answer NOT_FOUND until the
 * session is known (the server renders signed out), so "not found" only counts once auth settled.
 */
export function useEvent(eventId: string) {
  const auth = useConvexAuth();
  const query = useQuery({
    ...eventQuery(eventId),
    // The backend's answers (NOT_FOUND, a malformed id) are final: only retry other failures.
    retry: (count, error) => count < 3 && errorCode(error) === undefined && !isBadId(error),
  });
  // A members-only event answers NOT_FOUND until the session reaches the backend, and the
  // Convex subscription doesn't replace an error with data: ask again once auth has settled.
  const { isError, refetch } = query;
  useEffect(() => {
    if (!auth.isLoading && isError) void refetch();
  }, [auth.isLoading, auth.isAuthenticated, isError, refetch]);
  const code = errorCode(query.error);
  const missing = code === "NOT_FOUND" || isBadId(query.error);
  const settling = auth.isLoading && query.data === undefined;
  return {
    event: query.data,
    loading: (query.isPending && !query.isError) || (settling && missing),
    notFound: !settling && query.data === undefined && missing,
    failed: query.data === undefined && query.isError && !missing,
    isAuthenticated: auth.isAuthenticated,
  };
}

const noSubscribe = () => () => {};

/** The app's origin in the browser; null on the server (for absolute links built after hydration). */
export function useOrigin(): string | null {
  return useSyncExternalStore(noSubscribe, () => window.location.origin, () => null);
}

/** The current time, refreshed every `intervalMs` (for "has it started/ended" in the UI). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
