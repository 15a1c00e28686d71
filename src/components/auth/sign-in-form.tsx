import { Link } from "@tanstack/react-router";

import { AuthCard } from "~/components/auth/auth-card";
import { FormField } from "~/components/auth/form-field";
import { PasswordAuthForm, usePasswordAuth } from "~/components/auth/password-auth-form";
import { browserTimeZone } from "~/lib/timezones";
import { checkEmail, checkExistingPassword } from "~/lib/validation";

type Field = "email" | "password";
const FIELDS: readonly Field[] = ["email", "password"];

export function SignInForm({ redirect }: { redirect?: string }) {
  const auth = usePasswordAuth("signIn", redirect, FIELDS, (data) => {
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    return {
      errors: { email: checkEmail(email), password: checkExistingPassword(password) },
      // An account from before profiles were made at sign-up gets one in this zone.
      params: { email, password, timezone: browserTimeZone() },
    };
  });
  const { errors, clear } = auth;

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
      <PasswordAuthForm auth={auth} submitLabel="Sign in">
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
          autoComplete="current-password"
          required
          error={errors.password}
          onChange={clear("password")}
        />
        <p className="-mt-2 text-right text-sm">
          <Link to="/reset-password" className="text-primary font-medium underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        </p>
      </PasswordAuthForm>
    </AuthCard>
  );
}
