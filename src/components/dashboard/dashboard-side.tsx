import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarDays, FileEdit, Plus } from "lucide-react";

import { OrgAvatar } from "~/components/common/org-avatar";
import { myDraftsQuery, myUpcomingEventsQuery } from "~/components/events/data";
import { myOrgsQuery } from "~/components/orgs/data";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { formatEventShort } from "~/lib/time";

const rowBase =
  "hover:bg-accent/60 -mx-2 min-w-0 rounded-md px-2 py-1.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50";
const rowLink = `${rowBase} flex items-center gap-3`;

/**
 * The dashboard's side column: the next event, the viewer's orgs and, for admins, drafts and
 * "New event". On phones it comes after the main list, which already shows the events and orgs:
 * there only the admin's actions and drafts remain.
 */
export function DashboardSide() {
  return (
    <div className="grid grid-cols-1 content-start gap-4">
      <NextEvent />
      <YourOrgs />
      <PhoneNewEvent />
      <Drafts />
    </div>
  );
}

function NextEvent() {
  const upcoming = useQuery(myUpcomingEventsQuery());
  const events = upcoming.data?.events.filter((item) => item.event.status !== "cancelled") ?? [];
  // The next one the viewer said yes (or maybe) to, else simply the next one.
  const next = events.find((item) => item.myRsvp && item.myRsvp.status !== "not_going") ?? events[0] ?? null;
  return (
    <Card className="hidden gap-3 py-5 lg:flex" data-testid="next-event">
      <CardHeader className="px-5">
        <CardTitle className="flex items-center gap-2 text-base">
          <CalendarDays className="text-muted-foreground size-4" aria-hidden="true" />
          Next event
        </CardTitle>
      </CardHeader>
      <CardContent className="px-5 text-sm">
        {upcoming.isPending ? (
          <Skeleton className="h-10" />
        ) : next === null ? (
          <p className="text-muted-foreground">Nothing coming up in your organizations.</p>
        ) : (
          <div className="grid gap-1">
            <Link
              to="/events/$eventId"
              params={{ eventId: next.event._id }}
              className="font-semibold break-words underline-offset-4 hover:underline"
            >
              {next.event.title}
            </Link>
            <p className="text-muted-foreground">
              <time dateTime={new Date(next.event.startTime).toISOString()}>
                {formatEventShort(next.event.startTime, next.event.timezone)}
              </time>
            </p>
            <p className="text-muted-foreground">{next.org.name}</p>
            {next.myRsvp?.status === "going" ? (
              <Badge variant="success" className="mt-1 w-fit">
                You're going
              </Badge>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function YourOrgs() {
  const mine = useQuery(myOrgsQuery());
  return (
    <Card className="hidden gap-3 py-5 lg:flex" data-testid="side-orgs">
      <CardHeader className="px-5">
        <CardTitle className="text-base">Your organizations</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 px-5 text-sm">
        {mine.isPending ? (
          <Skeleton className="h-16" />
        ) : !mine.data?.length ? (
          <p className="text-muted-foreground">
            None yet.{" "}
            <Link to="/orgs" className="text-primary underline-offset-4 hover:underline">
              Browse organizations
            </Link>
          </p>
        ) : (
          <ul className="grid grid-cols-1 gap-0.5">
            {mine.data.slice(0, 6).map(({ org, role }) => (
              <li key={org._id}>
                <Link to="/org/$slug" params={{ slug: org.slug }} className={rowLink}>
                  <OrgAvatar name={org.name} logoUrl={org.logoUrl} className="size-7 rounded-md text-[10px]" />
                  <span className="min-w-0 flex-1 truncate font-medium">{org.name}</span>
                  {role === "admin" ? <Badge variant="muted">Admin</Badge> : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <NewEventAction />
      </CardContent>
    </Card>
  );
}

/** Phones only: "New event" for admins, on its own (the org list is in the main column there). */
function PhoneNewEvent() {
  const mine = useQuery(myOrgsQuery());
  if (!mine.data?.some((row) => row.role === "admin")) return null;
  return (
    <Card className="gap-3 py-4 lg:hidden" data-testid="side-new-event">
      <CardContent className="px-4 text-sm">
        <NewEventAction />
      </CardContent>
    </Card>
  );
}

/** "New event" in the viewer's one admin org, or a choice of org when they run several. */
function NewEventAction() {
  const mine = useQuery(myOrgsQuery());
  const admin = mine.data?.filter((row) => row.role === "admin") ?? [];
  return admin.length === 1 ? (
    <Button asChild size="sm" className="w-full">
      <Link to="/org/$slug/events/new" params={{ slug: admin[0]!.org.slug }}>
        <Plus aria-hidden="true" />
        New event
      </Link>
    </Button>
  ) : admin.length > 1 ? (
    <div className="grid gap-1.5">
      <p className="text-muted-foreground text-xs font-medium">New event in…</p>
      <div className="flex flex-wrap gap-1.5">
        {admin.map(({ org }) => (
          <Button key={org._id} asChild size="sm" variant="outline">
            <Link to="/org/$slug/events/new" params={{ slug: org.slug }}>
              <Plus aria-hidden="true" />
              <span className="max-w-40 truncate">{org.name}</span>
            </Link>
          </Button>
        ))}
      </div>
    </div>
  ) : null;
}

/** Admins only: drafts waiting to be published (nothing is shown when there are none). */
function Drafts() {
  const drafts = useQuery(myDraftsQuery());
  if (!drafts.data?.length) return null;
  return (
    <Card className="gap-3 py-5" data-testid="side-drafts">
      <CardHeader className="px-5">
        <CardTitle className="flex items-center gap-2 text-base">
          <FileEdit className="text-muted-foreground size-4" aria-hidden="true" />
          Your drafts
        </CardTitle>
      </CardHeader>
      <CardContent className="px-5 text-sm">
        <ul className="grid grid-cols-1 gap-0.5">
          {drafts.data.map((draft) => (
            <li key={draft._id}>
              <Link to="/events/$eventId" params={{ eventId: draft._id }} className={`${rowBase} block`}>
                <span className="block truncate font-medium">{draft.title}</span>
                <span className="text-muted-foreground block truncate text-xs">
                  {draft.org.name} · {formatEventShort(draft.startTime, draft.timezone)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
