import { Check, Clock, Loader2, X } from "lucide-react";

import { Button } from "~/components/ui/button";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useAnswerPromptMutation, useDeferPromptMutation, useDismissPromptMutation } from "./data";

/** "Did you make it?": one tap for yes or no, "Ask me later" while allowed, and dismiss. */
export function PromptActions({
  eventId,
  canDefer,
  title,
}: {
  eventId: Id<"events">;
  canDefer: boolean;
  title: string;
}) {
  const answer = useAnswerPromptMutation();
  const defer = useDeferPromptMutation();
  const dismiss = useDismissPromptMutation();
  const busy = answer.isPending || defer.isPending || dismiss.isPending;
  const error =
    expectedErrorMessage(answer.error) ?? expectedErrorMessage(defer.error) ?? expectedErrorMessage(dismiss.error);
  const spin = <Loader2 className="animate-spin" aria-hidden="true" />;

  return (
    <div className="grid gap-2">
      <div role="group" aria-label={`Did you make it to ${title}?`} className="flex flex-wrap gap-2">
        <Button size="sm" disabled={busy} onClick={() => answer.mutate({ eventId, attended: true })}>
          {answer.isPending && answer.variables.attended ? spin : <Check aria-hidden="true" />}
          Yes, I was there
        </Button>
        <Button size="sm" variant="outline" disabled={busy} onClick={() => answer.mutate({ eventId, attended: false })}>
          {answer.isPending && !answer.variables.attended ? spin : <X aria-hidden="true" />}
          No, I couldn't make it
        </Button>
        {canDefer ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => defer.mutate({ eventId })}>
            {defer.isPending ? spin : <Clock aria-hidden="true" />}
            Ask me later
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          className="text-muted-foreground"
          disabled={busy}
          onClick={() => dismiss.mutate({ eventId })}
        >
          {dismiss.isPending ? spin : null}
          Don't ask again
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
