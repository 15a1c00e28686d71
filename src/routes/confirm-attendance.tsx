import { createFileRoute } from "@tanstack/react-router";

import { EmailAnswerPage } from "~/components/attendance/email-answer-page";

/** The "Did you make it?" email's one-tap answer (signed out too: the token is the authority). */
export const Route = createFileRoute("/confirm-attendance")({
  validateSearch: (search: Record<string, unknown>): { token: string } => ({
    token: typeof search.token === "string" ? search.token : "",
  }),
  head: () => ({
    meta: [
      { title: "Did you make it? · ASTN Orgs" },
      { name: "robots", content: "noindex" },
      { name: "referrer", content: "no-referrer" },
    ],
  }),
  component: function ConfirmAttendanceRoute() {
    return <EmailAnswerPage token={Route.useSearch().token} />;
  },
});
