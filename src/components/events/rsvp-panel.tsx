import { Link, useLocation, useNavigate, useSearch } from "@tanstack/react-router";
import { Check, CircleHelp, Hourglass, Loader2, LogOut, PartyPopper, X } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";

import { useJoinOrgMutation } from "~/components/orgs/data";
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

const isChoice = (value: unknown): value is Choice => value === "going" || value === "maybe" || value === "not_going";

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
      if (position === undefined) return "On the waitlist";
      return `On the waitlist (#${position}${rsvp.waitlistPositionIsLowerBound ? "+" : ""})`;
    }
  }
}

/** On a phone the RSVP controls stay at the bottom of the screen; on wider screens they sit in the card. */
function ActionBar({ children }: { children: ReactNode }) {
  return (
    <div
      data-testid="rsvp-bar"
      className="max-lg:bg-background/95 grid gap-2 max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:border-t max-lg:px-3 max-lg:pt-3 max-lg:pb-[max(0.75rem,env(safe-area-inset-bottom))] max-lg:shadow-[0_-4px_12px_rgb(0_0_0/0.06)] max-lg:backdrop-blur"
    >
      {children}
    </div>
  );
}

function ChoiceButtons({
  current,
  pending,
  disabled,
  onChoose,
}: {
  current: RsvpStatus | null;
  pending: Choice | null;
  disabled: boolean;
  onChoose: (choice: Choice) => void;
}) {
  return (
    <div role="group" aria-label="Your RSVP" className="grid grid-cols-3 gap-2">
      {CHOICES.map(({ value, label, icon: Icon }) => {
        // Waitlisted is not "going": no button is pressed then.
        const pressed = current === value;
        return (
          <Button
            key={value}
            type="button"
            variant={pressed ? "default" : "outline"}
            aria-pressed={pressed}
            disabled={disabled}
            onClick={() => onChoose(value)}
            className="min-w-0 gap-1.5 px-2 whitespace-nowrap"
          >
            {pending === value ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Icon aria-hidden="true" />}
            {label}
          </Button>
        );
      })}
    </div>
  );
}

/**
 * RSVP: the viewer's answer and the buttons to change it. A signed-out visitor's choice goes
 * through sign-up (or sign-in) and comes back as `?rsvp=…`; a non-member of an open org joins
 * and RSVPs in one step.
 */
export default function RsvpPanel({ event }: { event: EventPage }) {
  const location = useLocation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { rsvp?: unknown };
  const rsvp = useRsvpMutation();
  const join = useJoinOrgMutation();
  const pending = rsvp.isPending ? rsvp.variables.status : join.isPending ? "going" : null;
  const error = expectedErrorMessage(rsvp.error) ?? expectedErrorMessage(join.error);
  const current = event.viewerRsvp?.status ?? null;
  const full = event.spotsLeft === 0 || (event.capacity !== undefined && event.waitlistCount > 0);
  const canJoin = event.rsvpBlockedReason === "join_org" && event.org.joinPolicy === "open";

  // Shown at once (optimistic); the server's answer (a waitlist place, a refusal) follows.
  const choose = async (choice: Choice) => {
    if (event.rsvpBlockedReason === "join_org") {
      const { status } = await join.mutateAsync({ orgId: event.org._id });
      if (status === "requested") return;
    }
    rsvp.mutate({ eventId: event._id, status: choice });
  };

  // Back from signing in with a choice: make it once (joining first if need be), then drop it
  // from the address. Waits until the page reflects the session (not "sign in").
  const intent = isChoice(search.rsvp) ? search.rsvp : null;
  const handled = useRef(false);
  useEffect(() => {
    if (intent === null || handled.current || event.rsvpBlockedReason === "sign_in") return;
    handled.current = true;
    if (event.canRsvp || canJoin) void choose(intent).catch(() => undefined);
    void navigate({ to: ".", search: {}, replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per arrival
  }, [intent, event.rsvpBlockedReason, event.canRsvp, canJoin]);

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

  const errorLine = error ? (
    <p role="alert" className="text-destructive text-sm">
      {error}
    </p>
  ) : null;

  if (event.rsvpBlockedReason === "sign_in" || canJoin) {
    const back = (choice: Choice) => `${location.pathname}?rsvp=${choice}`;
    return (
      <div className="grid gap-3">
        <p className="font-medium">Are you going?</p>
        <p className="text-muted-foreground text-sm">
          {event.rsvpBlockedReason === "sign_in"
            ? `Sign up or sign in to RSVP. You'll join ${event.org.name} and come right back here.`
            : `Answering makes you a member of ${event.org.name}.`}
        </p>
        <ActionBar>
          {event.rsvpBlockedReason === "sign_in" ? (
            <div role="group" aria-label="Your RSVP" className="grid grid-cols-3 gap-2">
              {CHOICES.map(({ value, label, icon: Icon }) => (
                <Button key={value} asChild variant="outline" className="min-w-0 gap-1.5 px-2 whitespace-nowrap">
                  <Link to="/sign-up" search={{ redirect: back(value) }}>
                    <Icon aria-hidden="true" />
                    {label}
                  </Link>
                </Button>
              ))}
            </div>
          ) : (
            <ChoiceButtons current={null} pending={pending} disabled={pending !== null} onChoose={choose} />
          )}
          {event.rsvpBlockedReason === "sign_in" ? (
            <p className="text-muted-foreground text-center text-xs">
              Have an account?{" "}
              <Link
                to="/sign-in"
                search={{ redirect: back("going") }}
                className="text-primary font-medium underline-offset-4 hover:underline"
              >
                Sign in and RSVP going
              </Link>
            </p>
          ) : null}
        </ActionBar>
        {errorLine}
      </div>
    );
  }

  if (!event.canRsvp) {
    return (
      <div className="grid gap-3">
        {status}
        <BlockedMessage event={event} />
      </div>
    );
  }

  if (current === "waitlisted") {
    return (
      <div className="grid gap-3">
        {status}
        <p className="text-muted-foreground text-sm">
          You'll get a spot (and an email) as soon as one opens up, in the order people joined the waitlist.
        </p>
        <ActionBar>
          <Button
            type="button"
            variant="outline"
            disabled={pending !== null}
            onClick={() => rsvp.mutate({ eventId: event._id, status: "not_going" })}
          >
            {pending === "not_going" ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <LogOut aria-hidden="true" />
            )}
            Leave waitlist
          </Button>
        </ActionBar>
        {errorLine}
      </div>
    );
  }

  return (
    <div className="grid gap-3">
      {status ?? <p className="font-medium">Are you going?</p>}
      <ActionBar>
        <ChoiceButtons current={current} pending={pending} disabled={pending !== null} onChoose={choose} />
      </ActionBar>
      {full && current !== "going" ? (
        <p className="text-muted-foreground text-sm">
          This event is full. Choosing "Going" puts you on the waitlist; you'll get a spot when one opens up.
        </p>
      ) : null}
      {errorLine}
    </div>
  );
}

function BlockedMessage({ event }: { event: EventPage }) {
  const now = useNow();
  switch (event.rsvpBlockedReason) {
    case "join_org":
      // Only orgs that approve their members get here (open ones join in the RSVP step).
      return (
        <div className="grid gap-2 text-sm">
          <p className="font-medium">Only members of {event.org.name} can RSVP.</p>
          <p className="text-muted-foreground">The organizers approve new members. Ask to join on the org's page.</p>
          <Button asChild variant="outline" className="w-full">
            <Link to="/org/$slug" params={{ slug: event.org.slug }}>
              Ask to join {event.org.name}
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
