import { createFileRoute } from "@tanstack/react-router";

import { ProfilePage } from "~/components/profiles/profile-page";

export const Route = createFileRoute("/_authed/profile")({
  head: () => ({ meta: [{ title: "Your profile · ASTN Orgs" }] }),
  component: ProfilePage,
});
