import { createFileRoute } from "@tanstack/react-router";

import { CreateOrgPage } from "~/components/orgs/create-org-page";

export const Route = createFileRoute("/_authed/orgs/new")({
  head: () => ({ meta: [{ title: "Create an organization · ASTN Orgs" }] }),
  component: CreateOrgPage,
});
