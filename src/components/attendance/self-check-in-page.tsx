import { Link } from "@tanstack/react-router";
import { CircleCheck, Loader2, TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";

import { Button } from "~/components/ui/button";
import { errorCode, expectedErrorMessage, GENERIC_ERROR_MESSAGE, toFormError } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useSelfCheckInMutation } from "./data";

/** What a member sees after scanning the venue code: checked in, or why not. */
export function SelfCheckInPage({ eventId, token }: { eventId: string; token: string | undefined }) {
  const checkIn = useSelfCheckInMutation();
  const { mutate } = checkIn;
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true; // once per visit: a re-render must not check in twice
    mutate({ eventId: eventId as Id<"events">, token });
  }, [eventId, token, mutate]);

  const backToEvent = (
    <Button asChild variant="outline">
      <Link to="/events/$eventId" params={{ eventId }}>
        Open the event page
      </Link>
    </Button>
  );

  if (!token || checkIn.isError) {
    const message = !token
      ? "This link has no check-in code. Scan the code at the venue again."
      : failureMessage(checkIn.error);
    return (
      <Shell>
        <TriangleAlert className="text-destructive size-12" aria-hidden="true" />
        <h1 className="text-2xl font-bold">Couldn't check you in</h1>
        <p role="alert" className="text-muted-foreground">
          {message}
        </p>
        {errorCode(checkIn.error) === "NOT_FOUND" ? null : backToEvent}
      </Shell>
    );
  }
  if (checkIn.isSuccess) {
    return (
      <Shell>
        <CircleCheck className="text-success size-14" aria-hidden="true" />
        <h1 className="text-2xl font-bold">You're checked in</h1>
        <p className="text-muted-foreground">Enjoy the event! The organizers can see you're here.</p>
        {backToEvent}
      </Shell>
    );
  }
  return (
    <Shell>
      <Loader2 className="text-muted-foreground size-10 animate-spin" aria-hidden="true" />
      <p role="status">Checking you in…</p>
    </Shell>
  );
}

function failureMessage(error: unknown): string {
  const code = errorCode(error);
  const { field } = toFormError(error);
  if (code === "INVALID_ARGUMENT" && field === "token")
    return "This check-in code is out of date or wrong. Ask an organizer to show the current one.";
  if (code === "FORBIDDEN" || code === "NOT_FOUND")
    return "You need to be a member of the organization hosting this event to check in. Ask an organizer for an invite.";
  return expectedErrorMessage(error) ?? GENERIC_ERROR_MESSAGE;
}

function Shell({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-16 text-center">{children}</div>;
}
