import { createFileRoute } from "@tanstack/react-router";

import { UnsubscribePage } from "~/components/notifications/unsubscribe-page";

/** The emails' unsubscribe link (signed out too: the token is the authority). */
export const Route = createFileRoute("/unsubscribe")({
  validateSearch: (search: Record<string, unknown>): { token: string } => ({
    token: typeof search.token === "string" ? search.token : "",
  }),
  head: () => ({
    meta: [
      { title: "Unsubscribe · ASTN Orgs" },
      { name: "robots", content: "noindex" },
      { name: "referrer", content: "no-referrer" },
    ],
  }),
  component: function UnsubscribeRoute() {
    return <UnsubscribePage token={Route.useSearch().token} />;
  },
});
