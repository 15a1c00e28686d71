import { createFileRoute } from "@tanstack/react-router";

import { SettingsPage } from "~/components/profiles/settings-page";

export const Route = createFileRoute("/_authed/settings")({
  head: () => ({ meta: [{ title: "Settings · ASTN Orgs" }] }),
  component: SettingsPage,
});
