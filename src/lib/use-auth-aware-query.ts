import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useConvexAuth } from "convex/react";
import { useEffect } from "react";

import { errorCode } from "~/lib/errors";

/** An id of the wrong table, or not an id at all, fails argument validation rather than NOT_FOUND. */
export function isBadIdError(error: unknown): boolean {
  return error instanceof Error && /validator|not a valid id|invalid id/i.test(error.message);
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === "NOT_FOUND" || isBadIdError(error);
}

/**
 * A live query whose answer depends on who is asking: a private org's page, a draft or a
 * members-only event answer NOT_FOUND until the session reaches the backend (the server renders
 * signed out). So "not found" only counts once auth has settled, and a query that failed while
 * the session was settling is asked again (a Convex subscription doesn't replace an error with
 * data). The backend's own answers (NOT_FOUND, a malformed id, any ConvexError) are final and
 * aren't retried.
 */
export function useAuthAwareQuery<TData, TKey extends QueryKey>(options: UseQueryOptions<TData, Error, TData, TKey>) {
  const auth = useConvexAuth();
  const query = useQuery({
    ...options,
    retry: (count, error) => count < 3 && errorCode(error) === undefined && !isBadIdError(error),
  });
  const { isError, refetch } = query;
  useEffect(() => {
    if (!auth.isLoading && isError) void refetch();
  }, [auth.isLoading, auth.isAuthenticated, isError, refetch]);

  const missing = isMissing(query.error);
  const settling = auth.isLoading && query.data === undefined;
  return {
    data: query.data,
    loading: (query.isPending && !query.isError) || (settling && missing),
    notFound: !settling && query.data === undefined && missing,
    failed: query.data === undefined && query.isError && !missing,
    isAuthenticated: auth.isAuthenticated,
    authLoading: auth.isLoading,
  };
}
