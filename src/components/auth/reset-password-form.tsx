import { useAuthActions } from "@convex-dev/auth/react";
import { Link, useHydrated } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";

import { AuthCard } from "~/components/auth/auth-card";
import { FormField } from "~/components/auth/form-field";
import { useSessionAfterSignIn } from "~/components/auth/use-session-after-sign-in";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { checkEmail, checkNewPassword } from "~/lib/validation";

const REQUEST_FIELDS = ["email"] as const;
const VERIFY_FIELDS = ["code", "password"] as const;

/**
 * "Forgot password?": ask for a code by email, then type it with a new password. The second
 * step signs the person in (Convex Auth's reset flow) and ends their other sessions.
 */
export function ResetPasswordForm({ initialEmail }: { initialEmail?: string }) {
  const { signIn } = useAuthActions();
  const session = useSessionAfterSignIn(undefined);
  // Before hydration a submit would be a plain GET of this page: wait for the app.
  const hydrated = useHydrated();
  const [email, setEmail] = useState(initialEmail ?? "");
  const [step, setStep] = useState<"request" | "verify">("request");
  const request = useFormSubmit(REQUEST_FIELDS);
  const verify = useFormSubmit(VERIFY_FIELDS);

  async function onRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const address = String(new FormData(form).get("email") ?? "").trim();
    if (request.check({ email: checkEmail(address) }, form)) return;
    await request.run(form, async () => {
      await signIn("password", { flow: "reset", email: address });
      setEmail(address);
      setStep("verify");
    });
  }

  async function onVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const code = String(data.get("code") ?? "").replace(/\s+/g, "");
    const password = String(data.get("password") ?? "");
    const invalid = {
      code: /^\d{8}$/.test(code) ? undefined : "Enter the 8-digit code from the email.",
      password: checkNewPassword(password),
    };
    if (verify.check(invalid, form)) return;
    await verify.run(form, async () => {
      const { signingIn } = await signIn("password", {
        flow: "reset-verification",
        email,
        code,
        newPassword: password,
      });
      session.onSignInResolved(signingIn);
    });
  }

  const footer = (
    <>
      Remembered it?{" "}
      <Link to="/sign-in" className="text-primary font-medium underline-offset-4 hover:underline">
        Sign in
      </Link>
    </>
  );

  if (step === "request") {
    return (
      <AuthCard
        title="Reset your password"
        description="Enter your account's email and we'll send you a code to choose a new password."
        footer={footer}
      >
        <form noValidate onSubmit={onRequest} className="grid gap-4">
          <FormAlert message={request.formError} />
          <FormField
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            inputMode="email"
            defaultValue={email}
            required
            error={request.errors.email}
            onChange={() => request.clear("email")}
          />
          <SubmitButton busy={request.busy} disabled={!hydrated} className="mt-2 w-full">
            Send code
          </SubmitButton>
        </form>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Check your email"
      description={`If there is an account for ${email}, we've sent it an 8-digit code. It works for 15 minutes.`}
      footer={footer}
    >
      <form noValidate onSubmit={onVerify} className="grid gap-4" aria-busy={verify.busy}>
        <FormAlert message={verify.formError ?? session.sessionError} />
        <FormField
          name="code"
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          error={verify.errors.code}
          onChange={() => verify.clear("code")}
        />
        <FormField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          error={verify.errors.password}
          hint="At least 8 characters, with a letter and a number."
          onChange={() => verify.clear("password")}
        />
        <SubmitButton busy={verify.busy || session.awaitingSession} disabled={!hydrated} className="mt-2 w-full">
          Set new password
        </SubmitButton>
        <button
          type="button"
          className="text-muted-foreground hover:text-foreground text-sm underline-offset-4 hover:underline"
          onClick={() => setStep("request")}
        >
          Use another email or send a new code
        </button>
      </form>
    </AuthCard>
  );
}
