import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleCheck, CircleHelp, Loader2, TriangleAlert } from "lucide-react";

import { MessageCard, MessageCardSkeleton } from "~/components/common/message-card";
import { Button } from "~/components/ui/button";
import { GENERIC_ERROR_MESSAGE } from "~/lib/errors";
import { emailAnswerQuery, useConfirmEmailAnswerMutation } from "./data";

type Outcome =
  "ok" | "unknown" | "no_rsvp" | "not_member" | "not_ended" | "cancelled" | "closed" | "verified" | "answered";

const REFUSALS: Record<Exclude<Outcome, "ok">, string> = {
  unknown: "This link is not valid any more. Nothing was recorded.",
  no_rsvp: "We have no RSVP from you for this event, so there is nothing to confirm. Nothing was recorded.",
  not_member: "You are no longer a member of the organization that hosted this event. Nothing was recorded.",
  not_ended: "This event has not ended yet. Come back afterwards. Nothing was recorded.",
  cancelled: "This event was cancelled. Nothing was recorded.",
  closed: "This question has closed. Nothing was recorded.",
  verified: "The organizers have already recorded your attendance. Nothing was changed.",
  answered: "You have already answered. Nothing was changed.",
};

function EventLink({ eventId }: { eventId: string | null }) {
  if (eventId === null) return null;
  return (
    <Button asChild variant="outline">
      <Link to="/events/$eventId" params={{ eventId }}>
        Open the event
      </Link>
    </Button>
  );
}

/**
 * The "Did you make it?" email's one-tap answer. Opening the page only reads the token (mail
 * scanners prefetch links); the button records the answer. Works signed out.
 */
export function EmailAnswerPage({ token }: { token: string }) {
  const question = useQuery(emailAnswerQuery(token));
  const confirm = useConfirmEmailAnswerMutation();
  const answer = confirm.data ?? question.data;

  if (answer === undefined) {
    if (question.isError) {
      return (
        <MessageCard icon={TriangleAlert} tone="warning" title="Couldn't open this link">
          <p>{GENERIC_ERROR_MESSAGE}</p>
        </MessageCard>
      );
    }
    return <MessageCardSkeleton />;
  }
  if (answer.status !== "checked") {
    return (
      <MessageCard icon={TriangleAlert} tone="warning" title="Link not valid">
        <p>
          {answer.status === "expired"
            ? "This link has expired. Nothing was recorded."
            : "This link is not valid (it may have been copied incompletely). Nothing was recorded."}
        </p>
        <p>You can answer on the event page after signing in.</p>
      </MessageCard>
    );
  }
  const title = answer.title ?? "the event";
  if (confirm.data?.status === "checked" && confirm.data.outcome === "ok") {
    return (
      <MessageCard
        icon={CircleCheck}
        tone="success"
        title={answer.attended ? "Glad you made it" : "Thanks for telling us"}
        actions={<EventLink eventId={answer.eventId} />}
      >
        {answer.attended ? (
          <>
            <p>We've recorded that you attended {title}.</p>
            <p>You can leave feedback on the event page.</p>
          </>
        ) : (
          <p>We've recorded that you couldn't make it to {title}.</p>
        )}
      </MessageCard>
    );
  }
  if (answer.outcome !== "ok") {
    const already = answer.outcome === "answered" || answer.outcome === "verified";
    return (
      <MessageCard
        icon={already ? CircleCheck : TriangleAlert}
        tone={already ? "muted" : "warning"}
        title={already ? "Already recorded" : "Nothing recorded"}
        actions={<EventLink eventId={answer.eventId} />}
      >
        <p>{REFUSALS[answer.outcome]}</p>
      </MessageCard>
    );
  }
  return (
    <MessageCard
      icon={CircleHelp}
      title={`Did you make it to ${title}?`}
      actions={
        <>
          <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
            {confirm.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            {answer.attended ? "Yes, I was there" : "No, I couldn't make it"}
          </Button>
          <EventLink eventId={answer.eventId} />
        </>
      }
    >
      <p>Confirm your answer below. It helps the organizers plan their next events.</p>
      {confirm.isError ? (
        <p role="alert" className="text-destructive">
          {GENERIC_ERROR_MESSAGE}
        </p>
      ) : null}
    </MessageCard>
  );
}
