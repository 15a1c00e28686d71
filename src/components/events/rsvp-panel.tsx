import { Link, useLocation } from "@tanstack/react-router";
import { Check, CircleHelp, Hourglass, Loader2, PartyPopper, X } from "lucide-react";

import { Button } from "~/components/ui/button";
import { expectedErrorMessage } from "~/lib/errors";
import { cn } from "~/lib/utils";
import { useRsvpMutation } from "./data";
import type { EventPage, RsvpStatus } from "./types";
import { useNow } from "./use-now";

type Choice = "going" | "maybe" | "not_going";

const CHOICES: { value: Choice; label: string; icon: typeof Check }[] = [
  { value: "going", label: "Going", icon: Check },
  { value: "maybe", label: "Maybe", icon: CircleHelp },
  { value: "not_going", label: "Not going", icon: X },
];

function statusMessage(status: RsvpStatus, event: EventPage): string {
  const rsvp = event.viewerRsvp!;
  switch (status) {
    case "going":
      return rsvp.promotedFromWaitlistAt ? "A spot opened up: you're going!" : "You're going";
    case "maybe":
      return "You might go";
    case "not_going":
      return "You're not going";
    case "waitlisted": {
      const position = rsvp.waitlistPosition;
      if (position === undefined) return "You're on the waitlist";
      return `You're #${position}${rsvp.waitlistPositionIsLowerBound ? "+" : ""} on the waitlist`;
    }
  }
}

/** RSVP: the viewer's answer and the buttons to change it, or why they can't answer yet. */
export default function RsvpPanel({ event }: { event: EventPage }) {
  const location = useLocation();
  const rsvp = useRsvpMutation();
  const pending = rsvp.isPending ? rsvp.variables.status : null;
  const error = expectedErrorMessage(rsvp.error);
  const current = event.viewerRsvp?.status ?? null;
  const full = event.spotsLeft === 0 || (event.capacity !== undefined && event.waitlistCount > 0);

  // Shown at once (optimistic); the server's answer (a waitlist place, a refusal) follows.
  const choose = (choice: Choice) => rsvp.mutate({ eventId: event._id, status: choice });

  const status = current ? (
    <p
      className={cn(
        "flex items-center gap-2 font-medium",
        current === "going" && "text-success",
        current === "waitlisted" && "text-amber-700 dark:text-amber-400",
      )}
      data-testid="rsvp-status"
      role="status"
    >
      {current === "going" ? (
        event.viewerRsvp?.promotedFromWaitlistAt ? (
          <PartyPopper className="size-4" aria-hidden="true" />
        ) : (
          <Check className="size-4" aria-hidden="true" />
        )
      ) : current === "waitlisted" ? (
        <Hourglass className="size-4" aria-hidden="true" />
      ) : null}
      {statusMessage(current, event)}
    </p>
  ) : null;

  if (!event.canRsvp) {
    return (
      <div className="grid gap-3">
        {status}
        <BlockedMessage event={event} redirect={location.href} />
      </div>
    );
  }

  return (
    <div className="grid gap-3">
      {status ?? <p className="font-medium">Are you going?</p>}
      <div role="group" aria-label="Your RSVP" className="grid grid-cols-3 gap-2">
        {CHOICES.map(({ value, label, icon: Icon }) => {
          const pressed = current === value || (value === "going" && current === "waitlisted");
          return (
            <Button
              key={value}
              type="button"
              variant={pressed ? "default" : "outline"}
              aria-pressed={pressed}
              disabled={pending !== null}
              onClick={() => choose(value)}
              className="px-2"
            >
              {pending === value ? (
                <Loader2 className="animate-spin" aria-hidden="true" />
              ) : (
                <Icon aria-hidden="true" />
              )}
              {label}
            </Button>
          );
        })}
      </div>
      {full && current !== "going" && current !== "waitlisted" ? (
        <p className="text-muted-foreground text-sm">
          This event is full. Choosing "Going" puts you on the waitlist; you'll get a spot when one opens up.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function BlockedMessage({ event, redirect }: { event: EventPage; redirect: string }) {
  const now = useNow();
  switch (event.rsvpBlockedReason) {
    case "sign_in":
      return (
        <div className="grid gap-2">
          <p className="text-muted-foreground text-sm">Sign in as a member of {event.org.name} to RSVP.</p>
          <Button asChild className="w-full">
            <Link to="/sign-in" search={{ redirect }}>
              Sign in to RSVP
            </Link>
          </Button>
        </div>
      );
    case "join_org":
      return (
        <div className="grid gap-2 text-sm">
          <p className="font-medium">Only members of {event.org.name} can RSVP.</p>
          <p className="text-muted-foreground">
            Membership is by invitation: ask an organizer for an invite link, then open it to join.
          </p>
          <Button asChild variant="outline" className="w-full">
            <Link to="/org/$slug" params={{ slug: event.org.slug }}>
              How to join {event.org.name}
            </Link>
          </Button>
        </div>
      );
    case "draft":
      return <p className="text-muted-foreground text-sm">This is a draft. Publish it to open RSVPs.</p>;
    case "cancelled":
      return <p className="text-muted-foreground text-sm">This event was cancelled; RSVPs are closed.</p>;
    case "started":
      return (
        <p className="text-muted-foreground text-sm">
          {now >= event.endTime ? "This event has ended." : "This event has started."} RSVPs are closed.
        </p>
      );
    default:
      return null;
  }
}
