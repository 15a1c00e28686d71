import { Link } from "@tanstack/react-router";

import { AuthCard } from "~/components/auth/auth-card";
import { FormField } from "~/components/auth/form-field";
import { PasswordAuthForm, usePasswordAuth } from "~/components/auth/password-auth-form";
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
      params: { name, email, password },
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
