import { createFileRoute } from "@tanstack/react-router";

import { SelfCheckInPage } from "~/components/attendance/self-check-in-page";

/** The venue code's link. Signed out, the _authed layout sends people to sign in and back. */
export const Route = createFileRoute("/_authed/events/$eventId/check-in")({
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token !== "" ? { token: search.token } : {},
  head: () => ({ meta: [{ title: "Check in · ASTN Orgs" }, { name: "robots", content: "noindex" }] }),
  component: function SelfCheckInRoute() {
    return <SelfCheckInPage eventId={Route.useParams().eventId} token={Route.useSearch().token} />;
  },
});
