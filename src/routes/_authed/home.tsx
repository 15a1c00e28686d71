import { createFileRoute } from "@tanstack/react-router";

import { HomePage } from "~/components/dashboard/home-page";

export const Route = createFileRoute("/_authed/home")({
  head: () => ({ meta: [{ title: "Home · ASTN Orgs" }] }),
  component: HomePage,
});
