import { Link, useLocation, useNavigate, useSearch } from "@tanstack/react-router";
import { Check, Hourglass, Loader2, Mail, MessageCircle, UserPlus } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { Textarea } from "~/components/ui/textarea";
import { expectedErrorMessage } from "~/lib/errors";
import { displayUrl } from "~/lib/format";
import { useCancelJoinRequestMutation, useJoinOrgMutation } from "./data";
import type { OrgPage } from "./types";

/** How to reach the organizers: the contact email and link the admins chose. */
export function OrganizerContact({ org }: { org: Pick<OrgPage, "contactEmail" | "contactUrl" | "name"> }) {
  if (!org.contactEmail && !org.contactUrl) return null;
  return (
    <div className="grid gap-1 text-sm">
      <p className="text-muted-foreground">Questions? Contact the organizers:</p>
      {org.contactEmail ? (
        <a
          href={`mailto:${org.contactEmail}`}
          className="text-primary inline-flex items-center gap-1.5 underline-offset-4 [overflow-wrap:anywhere] hover:underline"
        >
          <Mail className="size-3.5 shrink-0" aria-hidden="true" />
          {org.contactEmail}
        </a>
      ) : null}
      {org.contactUrl ? (
        <a
          href={org.contactUrl}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-primary inline-flex items-center gap-1.5 underline-offset-4 [overflow-wrap:anywhere] hover:underline"
        >
          <MessageCircle className="size-3.5 shrink-0" aria-hidden="true" />
          {displayUrl(org.contactUrl)}
        </a>
      ) : null}
    </div>
  );
}

/** The join card's frame while the session settles: the same card, title, text and buttons. */
export function JoinCardSkeleton() {
  return (
    <Card className="mt-6 gap-3 py-5" data-testid="join-card-skeleton" role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <CardHeader className="px-5">
        <Skeleton className="h-5 w-48 max-w-full" />
        <Skeleton className="mt-1 h-4 w-72 max-w-full" />
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2 px-5">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-8 w-28" />
      </CardContent>
    </Card>
  );
}

/**
 * Joining from the org page (public orgs): signed out, sign up or in and come back to join;
 * signed in, join at once or ask to. `?join=1` (set on the way to sign-in) joins on arrival.
 */
export function JoinCard({ org, signedIn }: { org: OrgPage; signedIn: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { join?: unknown };
  const join = useJoinOrgMutation();
  const cancel = useCancelJoinRequestMutation();
  const [message, setMessage] = useState("");
  const asks = org.joinPolicy === "request";
  const requested = org.viewerRequestedAt !== null;
  const error = expectedErrorMessage(join.error) ?? expectedErrorMessage(cancel.error);

  // Came back from signing in to join: do it once, then drop the flag from the address.
  const intentHandled = useRef(false);
  useEffect(() => {
    if (!signedIn || intentHandled.current || String(search.join) !== "1") return;
    intentHandled.current = true;
    if (!requested) join.mutate({ orgId: org._id });
    void navigate({ to: ".", search: {}, replace: true });
  }, [signedIn, search.join, requested, join, org._id, navigate]);

  const back = `${location.pathname}?join=1`;
  return (
    <Card className="mt-6 gap-3 py-5" data-testid="join-card">
      <CardHeader className="px-5">
        <CardTitle>{requested ? "Your request is with the organizers" : `Join ${org.name}`}</CardTitle>
        <CardDescription>
          {requested
            ? "You'll become a member as soon as an organizer approves it. You can RSVP to events then."
            : asks
              ? "The organizers approve new members. Ask to join, and they'll review your request."
              : "Anyone can join. Members RSVP to events and get reminders."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 px-5">
        {!signedIn ? (
          <div className="flex flex-wrap gap-2">
            <Button asChild size="sm">
              <Link to="/sign-up" search={{ redirect: back }}>
                <UserPlus aria-hidden="true" />
                {asks ? "Sign up to ask to join" : "Sign up to join"}
              </Link>
            </Button>
            <Button asChild size="sm" variant="outline">
              <Link to="/sign-in" search={{ redirect: back }}>
                I have an account
              </Link>
            </Button>
          </div>
        ) : requested ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="flex items-center gap-2 text-sm font-medium text-amber-700 dark:text-amber-400" role="status">
              <Hourglass className="size-4" aria-hidden="true" />
              Request sent
            </p>
            <Button
              size="sm"
              variant="outline"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate({ orgId: org._id })}
            >
              Withdraw request
            </Button>
          </div>
        ) : (
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              join.mutate({ orgId: org._id, message: asks && message.trim() !== "" ? message.trim() : undefined });
            }}
          >
            {asks ? (
              <div className="grid gap-1.5">
                <Label htmlFor="join-message">
                  Message to the organizers <span className="text-muted-foreground font-normal">(optional)</span>
                </Label>
                <Textarea
                  id="join-message"
                  value={message}
                  maxLength={500}
                  onChange={(e) => setMessage(e.target.value)}
                  placeholder="A line about you, or how you heard of us"
                  className="min-h-16"
                />
              </div>
            ) : null}
            <div>
              <Button type="submit" size="sm" disabled={join.isPending}>
                {join.isPending ? (
                  <Loader2 className="animate-spin" aria-hidden="true" />
                ) : (
                  <Check aria-hidden="true" />
                )}
                {asks ? "Ask to join" : `Join ${org.name}`}
              </Button>
            </div>
          </form>
        )}
        {error ? (
          <p role="alert" className="text-destructive text-sm">
            {error}
          </p>
        ) : null}
        <OrganizerContact org={org} />
      </CardContent>
    </Card>
  );
}
