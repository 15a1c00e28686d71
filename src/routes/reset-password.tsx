import { createFileRoute } from "@tanstack/react-router";

import { ResetPasswordForm } from "~/components/auth/reset-password-form";

export const Route = createFileRoute("/reset-password")({
  validateSearch: (search: Record<string, unknown>): { email?: string } =>
    typeof search.email === "string" && search.email !== "" ? { email: search.email } : {},
  head: () => ({ meta: [{ title: "Reset your password · ASTN Orgs" }, { name: "robots", content: "noindex" }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { email } = Route.useSearch();
  return <ResetPasswordForm initialEmail={email} />;
}
