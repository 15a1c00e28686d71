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
import {
  checkEmail,
  checkName,
  checkNewPassword,
  hasErrors,
  LIMITS,
  type FieldErrors,
} from "~/lib/validation";

type Field = "name" | "email" | "password";
const FIELDS: readonly Field[] = ["name", "email", "password"];

export function SignUpForm({ redirect }: { redirect?: string }) {
  const { signIn } = useAuthActions();
  const hydrated = useHydrated();
  const session = useSessionAfterSignIn(redirect);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    const nextErrors: FieldErrors<Field> = {
      name: checkName(name),
      email: checkEmail(email),
      password: checkNewPassword(password),
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
      const { signingIn } = await signIn("password", { flow: "signUp", name, email, password });
      // Navigation happens once the backend has accepted the session.
      session.onSignInResolved(signingIn);
      setSubmitting(false);
    } catch (error) {
      const { field, message } = toFormError(error, { flow: "signUp" });
      if (field && (FIELDS as readonly string[]).includes(field)) {
        setErrors({ [field]: message });
      } else {
        setFormError(message);
      }
      setSubmitting(false);
    }
  }

  const clear = (field: Field) => () =>
    errors[field] && setErrors((e) => ({ ...e, [field]: undefined }));
  const busy = submitting || session.awaitingSession || session.signedIn;
  const topError = formError ?? session.sessionError;

  return (
    <AuthCard
      title="Create your account"
      description="Join your community's organizations, RSVP to events and keep track of what you attend."
      footer={
        <>
          Already have an account?{" "}
          <Link
            to="/sign-in"
            search={redirect ? { redirect } : {}}
            className="text-primary font-medium underline-offset-4 hover:underline"
          >
            Sign in instead
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
          name="name"
          label="Name"
          autoComplete="name"
          maxLength={LIMITS.name}
          required
          error={errors.name}
          onChange={clear("name")}
        />
        <FormField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={errors.email}
          onChange={clear("email")}
        />
        <FormField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.password}
          hint="At least 8 characters, with a letter and a number."
          onChange={clear("password")}
        />
        <Button type="submit" className="mt-2 w-full" disabled={!hydrated || busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
