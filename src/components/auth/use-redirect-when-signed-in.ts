import { useConvexAuth } from "@convex-dev/auth/react";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";

import { safeRedirect } from "~/lib/redirect";

/**
 * On the auth pages: once the session is confirmed (right after signing in, or when a signed-in
 * user opens the page), go to the validated redirect target.
 */
export function useRedirectWhenSignedIn(redirect: string | undefined) {
  const { isAuthenticated } = useConvexAuth();
  const navigate = useNavigate();

  useEffect(() => {
    if (isAuthenticated) {
      void navigate({ href: safeRedirect(redirect), replace: true });
    }
  }, [isAuthenticated, navigate, redirect]);

  return isAuthenticated;
}
