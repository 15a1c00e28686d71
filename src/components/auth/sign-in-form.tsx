import { useAuthActions } from "@convex-dev/auth/react";
import { Link, useHydrated } from "@tanstack/react-router";
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";

import { AuthCard } from "~/components/auth/auth-card";
import { focusFirstInvalid } from "~/components/auth/focus-first-invalid";
import { FormField } from "~/components/auth/form-field";
import { useRedirectWhenSignedIn } from "~/components/auth/use-redirect-when-signed-in";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toFormError } from "~/lib/errors";
import { checkEmail, checkExistingPassword, hasErrors, type FieldErrors } from "~/lib/validation";

type Field = "email" | "password";
const FIELDS: readonly Field[] = ["email", "password"];

export function SignInForm({ redirect }: { redirect?: string }) {
  const { signIn } = useAuthActions();
  const hydrated = useHydrated();
  const signedIn = useRedirectWhenSignedIn(redirect);
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
    if (hasErrors(nextErrors)) {
      focusFirstInvalid(event.currentTarget, nextErrors);
      return;
    }

    setSubmitting(true);
    try {
      await signIn("password", { flow: "signIn", email, password });
      // useRedirectWhenSignedIn navigates once the session is confirmed.
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

  const busy = submitting || signedIn;

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
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
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
