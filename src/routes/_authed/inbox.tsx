import { createFileRoute } from "@tanstack/react-router";

import { InboxPage } from "~/components/notifications/inbox-page";

export const Route = createFileRoute("/_authed/inbox")({
  head: () => ({ meta: [{ title: "Inbox · ASTN Orgs" }] }),
  component: InboxPage,
});
