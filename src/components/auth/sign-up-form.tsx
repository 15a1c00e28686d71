import { Link } from "@tanstack/react-router";

import { AuthCard } from "~/components/auth/auth-card";
import { FormField } from "~/components/auth/form-field";
import { PasswordAuthForm, usePasswordAuth } from "~/components/auth/password-auth-form";
import { browserTimeZone } from "~/lib/timezones";
import { checkEmail, checkName, checkNewPassword, LIMITS } from "~/lib/validation";

type Field = "name" | "email" | "password";
const FIELDS: readonly Field[] = ["name", "email", "password"];

export function SignUpForm({ redirect }: { redirect?: string }) {
  const auth = usePasswordAuth("signUp", redirect, FIELDS, (data) => {
    const name = String(data.get("name") ?? "").trim();
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    return {
      errors: { name: checkName(name), email: checkEmail(email), password: checkNewPassword(password) },
      // The browser's zone becomes the new profile's, so emails show the member's time at once.
      params: { name, email, password, timezone: browserTimeZone() },
    };
  });
  const { errors, clear } = auth;

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
      <PasswordAuthForm auth={auth} submitLabel="Create account">
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
        {errors.email?.includes("already exists") ? (
          <p className="-mt-2 text-sm">
            <Link
              to="/sign-in"
              search={redirect ? { redirect } : {}}
              className="text-primary font-medium underline-offset-4 hover:underline"
            >
              Sign in with this email
            </Link>{" "}
            or{" "}
            <Link to="/reset-password" className="text-primary font-medium underline-offset-4 hover:underline">
              reset your password
            </Link>
            .
          </p>
        ) : null}
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
      </PasswordAuthForm>
    </AuthCard>
  );
}
