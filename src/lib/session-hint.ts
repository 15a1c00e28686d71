// Whether this browser had a session the last time it looked. Convex Auth keeps the session in
// localStorage, which the server can't read; this cookie (no secret: "1" or absent) lets the
// server render a signed-out visitor's answer at once ("not found", "Sign in to RSVP") instead
// of a skeleton that waits for the browser. A wrong hint only costs a moment of loading state:
// the live session always decides.
import { createIsomorphicFn } from "@tanstack/react-start";
import { getCookie } from "@tanstack/react-start/server";
import { useConvexAuth } from "convex/react";
import { useEffect } from "react";

const COOKIE = "astn_session";

/** True when the browser said it has a session (read from the request on the server). */
export const readSessionHint = createIsomorphicFn()
  .server(() => getCookie(COOKIE) === "1")
  .client(() => document.cookie.split(/;\s*/).includes(`${COOKIE}=1`));

/** Keeps the hint in step with the live session (once it is known). */
export function useSessionHintSync() {
  const { isLoading, isAuthenticated } = useConvexAuth();
  useEffect(() => {
    if (isLoading) return;
    document.cookie = isAuthenticated
      ? `${COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax`
      : `${COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  }, [isLoading, isAuthenticated]);
}
