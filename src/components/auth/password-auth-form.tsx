import { useAuthActions } from "@convex-dev/auth/react";
import { useHydrated } from "@tanstack/react-router";
import type { FormEvent, ReactNode } from "react";

import { useSessionAfterSignIn } from "~/components/auth/use-session-after-sign-in";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import type { FieldErrors } from "~/lib/validation";

type Flow = "signIn" | "signUp";

/** What a form read from its fields: the client-side checks and, when they pass, what to send. */
type Read<F extends string> = { errors: FieldErrors<F>; params: Record<string, string> };

/**
 * The sign-in / sign-up submission: checks the fields (focusing the first bad one), calls
 * Convex Auth's password provider, shows its error by the field it names or at the top, and
 * waits for the session before navigating (useSessionAfterSignIn).
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
  const { errors, formError, check, clear, busy: submitting, run } = useFormSubmit(fields, { flow });

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
    topError: formError ?? session.sessionError,
    hydrated,
  };
}

/** The form inside the auth card: top error, the fields, and the full-width submit button. */
export function PasswordAuthForm({
  auth,
  submitLabel,
  children,
}: {
  auth: Pick<ReturnType<typeof usePasswordAuth>, "onSubmit" | "busy" | "topError" | "hydrated">;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={auth.onSubmit} className="grid gap-4" aria-busy={auth.busy}>
      <FormAlert message={auth.topError} />
      {children}
      <SubmitButton busy={auth.busy} className="mt-2 w-full" disabled={!auth.hydrated}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
