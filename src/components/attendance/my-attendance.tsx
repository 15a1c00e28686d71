import type { FunctionReturnType } from "convex/server";
import { CircleCheck, CircleX, MessageSquare } from "lucide-react";

import type { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { FeedbackForm } from "./feedback-form";
import { ATTENDANCE_STATE_LABELS, howRecorded } from "./labels";
import { PromptActions } from "./prompt-actions";
import { StarsShown } from "./star-rating";

type EventWithAttendance = Pick<
  FunctionReturnType<typeof api.events.queries.getEvent>,
  "_id" | "title" | "viewerAttendance"
>;

/** After the event, in place of the RSVP buttons: the viewer's attendance and their feedback. */
export default function MyAttendance({ event }: { event: EventWithAttendance }) {
  const a = event.viewerAttendance;
  if (!a) return <p className="text-muted-foreground text-sm">This event has ended.</p>;
  const how = howRecorded(a.source, a.via);

  return (
    <div className="grid gap-4" data-testid="my-attendance">
      {a.state === "attended" ? (
        <div role="status" className="flex items-start gap-2">
          <CircleCheck className="text-success mt-0.5 size-5 shrink-0" aria-hidden="true" />
          <div>
            <p className="text-success font-semibold">You attended</p>
            {how ? <p className="text-muted-foreground text-sm">{how}</p> : null}
          </div>
        </div>
      ) : a.canAnswer ? (
        <div className="grid gap-2">
          <p className="font-medium">Did you make it?</p>
          <PromptActions eventId={event._id as Id<"events">} canDefer={a.canDefer} title={event.title} />
        </div>
      ) : a.selfReport && !a.selfReport.attended ? (
        <p role="status" className="text-muted-foreground flex items-center gap-2 text-sm">
          <CircleX className="size-4" aria-hidden="true" />
          You said you couldn't make it.
        </p>
      ) : a.state !== "unknown" ? (
        <p role="status" className="text-muted-foreground text-sm">
          Recorded as {ATTENDANCE_STATE_LABELS[a.state].toLowerCase()}
          {how ? ` (${how.toLowerCase()})` : ""}.
        </p>
      ) : (
        <p className="text-muted-foreground text-sm">This event has ended.</p>
      )}
      {a.disputed ? (
        <p className="text-muted-foreground text-xs">
          Your answer and the organizers' record differ; the organizers' record counts.
        </p>
      ) : null}

      {a.canGiveFeedback ? (
        <section aria-labelledby="feedback-title" className="grid gap-3 border-t pt-4">
          <h3 id="feedback-title" className="flex items-center gap-2 text-sm font-semibold">
            <MessageSquare className="size-4" aria-hidden="true" />
            {a.feedback ? "Your feedback" : "How was it?"}
          </h3>
          <FeedbackForm
            eventId={event._id as Id<"events">}
            feedback={a.feedback}
            editableUntil={a.feedbackEditableUntil}
          />
        </section>
      ) : a.feedback ? (
        <section aria-labelledby="feedback-title" className="grid gap-2 border-t pt-4">
          <h3 id="feedback-title" className="text-sm font-semibold">
            Your feedback
          </h3>
          <StarsShown rating={a.feedback.rating} />
          {a.feedback.comment ? <p className="text-sm break-words whitespace-pre-line">{a.feedback.comment}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
