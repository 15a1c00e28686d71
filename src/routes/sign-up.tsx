import { createFileRoute } from "@tanstack/react-router";

import { SignUpForm } from "~/components/auth/sign-up-form";
import { validateAuthSearch } from "~/lib/auth-search";

export const Route = createFileRoute("/sign-up")({
  validateSearch: validateAuthSearch,
  head: () => ({ meta: [{ title: "Create an account · ASTN Orgs" }] }),
  component: SignUpPage,
});

function SignUpPage() {
  const { redirect } = Route.useSearch();
  return <SignUpForm redirect={redirect} />;
}
