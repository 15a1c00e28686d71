import { createFileRoute } from "@tanstack/react-router";

import { AccountPage } from "~/components/auth/account-page";

export const Route = createFileRoute("/_authed/account")({
  head: () => ({ meta: [{ title: "Account · ASTN Orgs" }] }),
  component: AccountPage,
});
