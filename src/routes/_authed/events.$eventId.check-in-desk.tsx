import { createFileRoute } from "@tanstack/react-router";

import { CheckInDesk } from "~/components/attendance/check-in-desk";

export const Route = createFileRoute("/_authed/events/$eventId/check-in-desk")({
  head: () => ({ meta: [{ title: "Check-in desk · ASTN Orgs" }] }),
  component: function CheckInDeskRoute() {
    return <CheckInDesk eventId={Route.useParams().eventId} />;
  },
});
