import { createFileRoute } from "@tanstack/react-router";

import { SignInForm } from "~/components/auth/sign-in-form";
import { validateAuthSearch } from "~/lib/auth-search";

export const Route = createFileRoute("/sign-in")({
  validateSearch: validateAuthSearch,
  head: () => ({ meta: [{ title: "Sign in · ASTN Orgs" }] }),
  component: SignInPage,
});

function SignInPage() {
  const { redirect } = Route.useSearch();
  return <SignInForm redirect={redirect} />;
}
