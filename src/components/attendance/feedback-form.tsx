import { Check, Loader2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { Textarea } from "~/components/ui/textarea";
import type { Id } from "@convex/_generated/dataModel";
import { ATTENDANCE_LIMITS } from "@convex/lib/vocabulary";
import { useSubmitFeedbackMutation } from "./data";
import { StarRating } from "./star-rating";
import { formatTimestamp } from "~/lib/time";

type Feedback = { rating: number; comment?: string; anonymous: boolean; updatedAt: number };

const FIELDS = ["rating", "comment"] as const;

/** Stars, an optional comment and "anonymous to organizers"; editable until the window closes. */
export function FeedbackForm({
  eventId,
  feedback,
  editableUntil,
}: {
  eventId: Id<"events">;
  feedback: Feedback | null;
  editableUntil: number;
}) {
  const [rating, setRating] = useState<number | null>(feedback?.rating ?? null);
  const [comment, setComment] = useState(feedback?.comment ?? "");
  const [anonymous, setAnonymous] = useState(feedback?.anonymous ?? false);
  const submit = useSubmitFeedbackMutation();
  const { errors, formError, busy, saved, setSaved, run, check, clear } = useFormSubmit(FIELDS);
  const id = useId();
  const max = ATTENDANCE_LIMITS.feedbackComment;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (
      check(
        {
          rating: rating === null ? "Choose 1 to 5 stars." : undefined,
          comment: comment.length > max ? `At most ${max.toLocaleString("en")} characters.` : undefined,
        },
        form,
      )
    )
      return;
    void run(form, () =>
      submit.mutateAsync({
        eventId,
        rating: rating!,
        anonymous,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    );
  };

  const changed = () => setSaved(false);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Your feedback" className="grid gap-4">
      <StarRating
        name={`${id}-rating`}
        value={rating}
        onChange={(n) => {
          setRating(n);
          clear("rating");
          changed();
        }}
        error={errors.rating}
        errorId={`${id}-rating-error`}
      />
      <Field
        label="Comment"
        optional
        error={errors.comment}
        hint={
          <span aria-live="polite">
            {comment.length.toLocaleString("en")} / {max.toLocaleString("en")}
          </span>
        }
      >
        {(props) => (
          <Textarea
            {...props}
            name="comment"
            value={comment}
            maxLength={max}
            rows={3}
            placeholder="What worked, what could be better?"
            onChange={(e) => {
              setComment(e.target.value);
              clear("comment");
              changed();
            }}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox
          checked={anonymous}
          onChange={(e) => {
            setAnonymous(e.target.checked);
            changed();
          }}
        />
        Anonymous to organizers
      </label>
      {formError ? (
        <p role="alert" className="text-destructive text-sm">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          {feedback ? "Update feedback" : "Send feedback"}
        </Button>
        {saved ? (
          <p role="status" className="text-success flex items-center gap-1 text-sm">
            <Check className="size-4" aria-hidden="true" />
            Thanks for your feedback
          </p>
        ) : null}
      </div>
      <p className="text-muted-foreground text-xs">You can edit it until {formatTimestamp(editableUntil)}.</p>
    </form>
  );
}
