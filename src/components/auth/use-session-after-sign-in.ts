import { useConvexAuth as useAuthTokenState } from "@convex-dev/auth/react";
import { useNavigate } from "@tanstack/react-router";
import { useConvexAuth } from "convex/react";
import { useEffect, useState } from "react";

import { GENERIC_ERROR_MESSAGE } from "~/lib/errors";
import { safeRedirect } from "~/lib/redirect";

/**
 * For the sign-in and sign-up forms. `signIn()` resolving only means tokens were issued; the
 * session counts once the backend has accepted them (convex/react's useConvexAuth). Then we go
 * to the validated redirect target. A signed-in visitor opening the page is sent on too. If the
 * tokens are dropped before the backend accepts them, `sessionError` says so.
 */
export function useSessionAfterSignIn(redirect: string | undefined) {
  const { isAuthenticated } = useConvexAuth();
  const tokens = useAuthTokenState();
  const navigate = useNavigate();
  const [awaitingSession, setAwaitingSession] = useState(false);
  const [sessionError, setSessionError] = useState<string>();

  useEffect(() => {
    if (isAuthenticated) void navigate({ href: safeRedirect(redirect), replace: true });
  }, [isAuthenticated, navigate, redirect]);

  useEffect(() => {
    if (awaitingSession && !tokens.isLoading && !tokens.isAuthenticated) {
      setAwaitingSession(false);
      setSessionError(GENERIC_ERROR_MESSAGE);
    }
  }, [awaitingSession, tokens.isLoading, tokens.isAuthenticated]);

  return {
    signedIn: isAuthenticated,
    awaitingSession,
    sessionError,
    /** Call when signIn() resolved: `signingIn` is its result. */
    onSignInResolved(signingIn: boolean) {
      setSessionError(undefined);
      if (signingIn) setAwaitingSession(true);
      else setSessionError(GENERIC_ERROR_MESSAGE);
    },
    clearSessionError() {
      setSessionError(undefined);
    },
  };
}
