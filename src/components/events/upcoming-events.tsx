import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarDays, Compass, Plus, UserPlus } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { toFormError } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { myUpcomingEventsQuery, useOrgEvents } from "./data";
import { EventCard, EventCardSkeletons } from "./event-card";
import { RSVP_LABELS, type DashboardItem } from "./types";

function MyRsvpBadge({ item }: { item: DashboardItem }) {
  if (item.event.status === "cancelled") return null;
  const status = item.myRsvp?.status;
  if (!status) return <Badge variant="outline">No reply yet</Badge>;
  const variant = status === "going" ? "success" : status === "not_going" ? "muted" : "secondary";
  return (
    <Badge variant={variant} data-testid="my-rsvp">
      {status === "going"
        ? "You're going"
        : status === "waitlisted"
          ? "You're on the waitlist"
          : status === "maybe"
            ? "You said maybe"
            : RSVP_LABELS[status]}
    </Badge>
  );
}

/** The member dashboard's "Upcoming events": across all their orgs, soonest first, with their RSVP. */
export function UpcomingEvents() {
  const upcoming = useQuery(myUpcomingEventsQuery());
  return (
    <section aria-labelledby="upcoming-events-title">
      <h2 id="upcoming-events-title" className="mb-3 text-lg font-semibold">
        Upcoming events
      </h2>
      {upcoming.isPending ? (
        <EventCardSkeletons count={2} />
      ) : upcoming.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{toFormError(upcoming.error).message}</AlertDescription>
        </Alert>
      ) : upcoming.data.events.length === 0 ? (
        <EmptyState
          icon={CalendarDays}
          title="No upcoming events"
          action={
            <Button asChild variant="outline" size="sm">
              <Link to="/orgs">
                <Compass aria-hidden="true" />
                Find organizations
              </Link>
            </Button>
          }
        >
          When your organizations publish events, they show up here.
        </EmptyState>
      ) : (
        <>
          <UpcomingList items={upcoming.data.events} />
          {upcoming.data.partial ? (
            <p className="text-muted-foreground mt-3 text-sm">
              Showing events from your most recently joined organizations.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Upcoming events first; cancelled ones apart, below them, so they don't read as plans. */
function UpcomingList({ items }: { items: DashboardItem[] }) {
  const active = items.filter((item) => item.event.status !== "cancelled");
  const cancelled = items.filter((item) => item.event.status === "cancelled");
  return (
    <>
      {active.length > 0 ? (
        <ul className="grid gap-3" aria-label="Your upcoming events">
          {active.map((item) => (
            <li key={item.event._id}>
              <EventCard event={item.event} orgName={item.org.name} badges={<MyRsvpBadge item={item} />} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground text-sm">No upcoming events besides the cancelled ones below.</p>
      )}
      {cancelled.length > 0 ? (
        <div className="mt-6">
          <h3 id="cancelled-events-title" className="text-muted-foreground mb-2 text-sm font-semibold">
            Cancelled
          </h3>
          <ul className="grid gap-3" aria-labelledby="cancelled-events-title" data-testid="cancelled-events">
            {cancelled.map((item) => (
              <li key={item.event._id}>
                <EventCard event={item.event} orgName={item.org.name} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** A short "Upcoming events" list on an org's overview, linking to its events page. */
export function OrgUpcomingEvents({
  orgId,
  slug,
  isAdmin = false,
}: {
  orgId: Id<"organizations">;
  slug: string;
  /** An admin's empty state shows the first steps: create an event, invite members. */
  isAdmin?: boolean;
}) {
  const { results, status } = useOrgEvents(orgId, "upcoming", 3);
  return (
    <section aria-labelledby="org-upcoming-title" className="mt-8">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id="org-upcoming-title" className="text-lg font-semibold">
          Upcoming events
        </h2>
        <Link
          to="/org/$slug/events"
          params={{ slug }}
          className="text-primary text-sm font-medium underline-offset-4 hover:underline"
        >
          All events
        </Link>
      </div>
      {status === "LoadingFirstPage" ? (
        <EventCardSkeletons count={2} />
      ) : results.length === 0 && isAdmin ? (
        <EmptyState
          icon={CalendarDays}
          title="Plan your first event"
          action={
            <>
              <Button asChild size="sm">
                <Link to="/org/$slug/events/new" params={{ slug }}>
                  <Plus aria-hidden="true" />
                  Create an event
                </Link>
              </Button>
              <Button asChild size="sm" variant="outline">
                <Link to="/org/$slug/admin" params={{ slug }}>
                  <UserPlus aria-hidden="true" />
                  Invite members
                </Link>
              </Button>
            </>
          }
        >
          Members see upcoming events here and get an email when you publish one. Invite people with a link so they can
          join and RSVP.
        </EmptyState>
      ) : results.length === 0 ? (
        <EmptyState icon={CalendarDays} title="No upcoming events">
          Nothing planned right now.
        </EmptyState>
      ) : (
        <div className="grid gap-3">
          {results.slice(0, 3).map((event) => (
            <EventCard key={event._id} event={event} />
          ))}
        </div>
      )}
    </section>
  );
}
