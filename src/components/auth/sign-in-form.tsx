import { useAuthActions } from "@convex-dev/auth/react";
import { Link, useHydrated } from "@tanstack/react-router";
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";

import { AuthCard } from "~/components/auth/auth-card";
import { focusFirstInvalid } from "~/components/auth/focus-first-invalid";
import { FormField } from "~/components/auth/form-field";
import { useSessionAfterSignIn } from "~/components/auth/use-session-after-sign-in";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toFormError } from "~/lib/errors";
import { checkEmail, checkExistingPassword, hasErrors, type FieldErrors } from "~/lib/validation";

type Field = "email" | "password";
const FIELDS: readonly Field[] = ["email", "password"];

export function SignInForm({ redirect }: { redirect?: string }) {
  const { signIn } = useAuthActions();
  const hydrated = useHydrated();
  const session = useSessionAfterSignIn(redirect);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    const nextErrors: FieldErrors<Field> = {
      email: checkEmail(email),
      password: checkExistingPassword(password),
    };
    setErrors(nextErrors);
    setFormError(undefined);
    session.clearSessionError();
    if (hasErrors(nextErrors)) {
      focusFirstInvalid(event.currentTarget, nextErrors);
      return;
    }

    setSubmitting(true);
    try {
      const { signingIn } = await signIn("password", { flow: "signIn", email, password });
      // Navigation happens once the backend has accepted the session.
      session.onSignInResolved(signingIn);
      setSubmitting(false);
    } catch (error) {
      const { field, message } = toFormError(error, { flow: "signIn" });
      if (field && (FIELDS as readonly string[]).includes(field)) {
        setErrors({ [field]: message });
      } else {
        setFormError(message);
      }
      setSubmitting(false);
    }
  }

  const busy = submitting || session.awaitingSession || session.signedIn;
  const topError = formError ?? session.sessionError;

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to see your organizations and events."
      footer={
        <>
          New to ASTN Orgs?{" "}
          <Link
            to="/sign-up"
            search={redirect ? { redirect } : {}}
            className="text-primary font-medium underline-offset-4 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={handleSubmit} className="grid gap-4" aria-busy={busy}>
        {topError ? (
          <Alert variant="destructive">
            <AlertDescription>{topError}</AlertDescription>
          </Alert>
        ) : null}
        <FormField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={errors.email}
          onChange={() => errors.email && setErrors((e) => ({ ...e, email: undefined }))}
        />
        <FormField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          onChange={() => errors.password && setErrors((e) => ({ ...e, password: undefined }))}
        />
        <Button type="submit" className="mt-2 w-full" disabled={!hydrated || busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
