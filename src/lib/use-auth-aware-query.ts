import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useLoaderData } from "@tanstack/react-router";
import { useConvexAuth } from "convex/react";
import { useEffect, useRef, useState } from "react";

import { errorCode } from "~/lib/errors";

/** An id of the wrong table, or not an id at all, fails argument validation rather than NOT_FOUND. */
export function isBadIdError(error: unknown): boolean {
  return error instanceof Error && /validator|not a valid id|invalid id/i.test(error.message);
}

/** A failure our backend didn't answer (the network, a restart): worth asking again. */
function isTransient(error: unknown): boolean {
  return errorCode(error) === undefined && !isBadIdError(error);
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === "NOT_FOUND" || isBadIdError(error);
}

/**
 * A live query whose answer depends on who is asking: a private org's page, a draft or a
 * members-only event answer NOT_FOUND until the session reaches the backend (the server renders
 * signed out). A signed-out visitor gets the server's answer as soon as the browser knows there
 * is no session (no round trip); a signed-in one sees "loading" until the query has been asked
 * again with the session, so a member never sees "not found" flash. The backend's own answers
 * (NOT_FOUND, a malformed id, any ConvexError) are final and aren't retried.
 */
export function useAuthAwareQuery<TData, TKey extends QueryKey>(options: UseQueryOptions<TData, Error, TData, TKey>) {
  const auth = useConvexAuth();
  // While the session loads, a browser that had none is taken at its word: a signed-out answer
  // (rendered on the server already) is final. The live session still corrects a wrong hint.
  const hadSession = useLoaderData({ from: "__root__", select: (data) => data.sessionHint });
  const sessionPending = auth.isLoading && hadSession;
  const query = useQuery({
    ...options,
    retry: (count, error) => count < 3 && isTransient(error),
    // A failure the server rendered stays shown as it is while hydrating (not "loading" again);
    // the effect below asks again when the answer may differ.
    retryOnMount: false,
  });
  // How many errors the query had when the session became known as signed in: those were
  // answered signed out (counted, not timed: the server's clock may differ from the browser's).
  const [errorsBeforeSignIn, setErrorsBeforeSignIn] = useState<number | null>(null);
  // Only a change of session asks again (the subscription keeps the answer live after that).
  const latest = useRef(query);
  latest.current = query;
  useEffect(() => {
    if (auth.isLoading) return;
    setErrorsBeforeSignIn(auth.isAuthenticated ? latest.current.errorUpdateCount : null);
    const { isError, error, refetch } = latest.current;
    if (isError && (auth.isAuthenticated || isTransient(error))) void refetch();
  }, [auth.isLoading, auth.isAuthenticated]);

  const missing = isMissing(query.error);
  const answeredSignedOut =
    auth.isAuthenticated &&
    query.data === undefined &&
    (errorsBeforeSignIn === null || query.errorUpdateCount <= errorsBeforeSignIn);
  const settling = (sessionPending || answeredSignedOut) && query.data === undefined;
  return {
    data: query.data,
    loading: (query.isPending && !query.isError) || (settling && query.isError),
    notFound: !settling && query.data === undefined && missing,
    failed: !settling && query.data === undefined && query.isError && !missing,
    isAuthenticated: auth.isAuthenticated,
    /** The session is still loading and may be signed in: what was answered signed out may change. */
    authLoading: sessionPending,
  };
}
