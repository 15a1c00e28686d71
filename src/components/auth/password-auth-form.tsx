import { useAuthActions } from "@convex-dev/auth/react";
import { useHydrated } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";

import { useSessionAfterSignIn } from "~/components/auth/use-session-after-sign-in";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import type { FieldErrors } from "~/lib/validation";
import { rateLimitMessage } from "@convex/lib/vocabulary";

type Flow = "signIn" | "signUp";

/** What a form read from its fields: the client-side checks and, when they pass, what to send. */
type Read<F extends string> = { errors: FieldErrors<F>; params: Record<string, string> };

/**
 * The sign-in / sign-up submission: checks the fields (focusing the first bad one), calls
 * Convex Auth's password provider, shows its error by the field it names or at the top, and
 * waits for the session before navigating (useSessionAfterSignIn). After too many attempts
 * the top message counts down to when trying again can succeed, and the button waits too.
 */
export function usePasswordAuth<F extends string>(
  flow: Flow,
  redirect: string | undefined,
  fields: readonly F[],
  read: (data: FormData) => Read<F>,
) {
  const { signIn } = useAuthActions();
  const hydrated = useHydrated();
  const session = useSessionAfterSignIn(redirect);
  const { errors, formError, retryAt, check, clear, busy: submitting, run } = useFormSubmit(fields);
  const wait = useRemaining(retryAt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { errors: invalid, params } = read(new FormData(form));
    session.clearSessionError();
    if (check(invalid, form)) return;
    // A server error names its field but leaves the focus where it is.
    await run(null, async () => {
      const { signingIn } = await signIn("password", { flow, ...params });
      // Navigation happens once the backend has accepted the session.
      session.onSignInResolved(signingIn);
    });
  }

  return {
    errors: errors as FieldErrors<F>,
    clear: (field: F) => () => clear(field),
    onSubmit,
    busy: submitting || session.awaitingSession || session.signedIn,
    topError:
      retryAt === undefined ? (formError ?? session.sessionError) : wait > 0 ? rateLimitMessage(wait) : undefined,
    hydrated,
    waiting: wait > 0,
  };
}

/** Milliseconds left until `until` (epoch ms), updated every second; 0 when past or unset. */
function useRemaining(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === undefined) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [until]);
  return until === undefined ? 0 : Math.max(0, until - now);
}

/** The form inside the auth card: top error, the fields, and the full-width submit button. */
export function PasswordAuthForm({
  auth,
  submitLabel,
  children,
}: {
  auth: Pick<ReturnType<typeof usePasswordAuth>, "onSubmit" | "busy" | "topError" | "hydrated" | "waiting">;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={auth.onSubmit} className="grid gap-4" aria-busy={auth.busy}>
      <FormAlert message={auth.topError} />
      {children}
      <SubmitButton busy={auth.busy} className="mt-2 w-full" disabled={!auth.hydrated || auth.waiting}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
