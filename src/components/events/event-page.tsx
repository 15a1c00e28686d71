import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useConvexAuth } from "convex/react";
import { ExternalLink, MapPin, Users, Video } from "lucide-react";
import { lazy, Suspense, type ReactNode } from "react";

import { OrgAvatar } from "~/components/common/org-avatar";
import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { displayUrl } from "~/lib/format";
import { sessionProgramQuery } from "~/components/programs/queries";
import { useEvent } from "./queries";
import { EventDescription } from "./event-description";
import { EventTimeBlock } from "./event-time";
import { RsvpCounts } from "./rsvp-counts";
import { eventTypeLabel, type EventPage } from "./types";
import { useNow } from "./use-now";

// Only for an event that can't be shown.
const EventNotFound = lazy(() => import("./event-states").then((m) => ({ default: m.EventNotFound })));
const EventLoadFailed = lazy(() => import("./event-states").then((m) => ({ default: m.EventLoadFailed })));

// The RSVP controls and calendar links render on the server too, but their code loads after the
// page's first paint (until then the server's HTML stands in).
const RsvpPanel = lazy(() => import("./rsvp-panel"));
const ShareButton = lazy(() => import("./share-button"));
const CapacityBar = lazy(() => import("./capacity-bar"));
// Only cancelled events and drafts carry a notice (rendered on the server too).
const EventNotice = lazy(() => import("./event-notice"));
// Members only: who is going.
const GuestList = lazy(() => import("./guest-list"));
const AddToCalendar = lazy(() => import("./add-to-calendar").then((m) => ({ default: m.AddToCalendar })));

// Organizer tools load only for admins (they render on the client, after the session is known):
// visitors' first JavaScript stays small.
const AdminActions = lazy(() => import("./admin-actions").then((m) => ({ default: m.AdminActions })));
const AttendeeList = lazy(() => import("./attendee-list").then((m) => ({ default: m.AttendeeList })));
// Attendance: the viewer's record and feedback once the event ended; the organizers' door, sheet
// and feedback summary (admins only).
const MyAttendance = lazy(() => import("~/components/attendance/my-attendance"));
const OrganizerAttendance = lazy(() => import("~/components/attendance/organizer-attendance"));
const EventNotificationLog = lazy(() =>
  import("~/components/notifications/event-notification-log").then((m) => ({ default: m.EventNotificationLog })),
);

function InfoRow({ icon: Icon, children }: { icon: typeof MapPin; children: ReactNode }) {
  return (
    <div className="flex gap-3">
      <span className="bg-muted text-muted-foreground flex size-10 shrink-0 items-center justify-center rounded-lg">
        <Icon className="size-5" aria-hidden="true" />
      </span>
      <div className="min-w-0 self-center">{children}</div>
    </div>
  );
}

/** The event page's states: the event, live, or why there is none (yet). */
export function EventScreen({ eventId }: { eventId: string }) {
  const { event, loading, notFound, failed, isAuthenticated, authLoading } = useEvent(eventId);
  if (notFound || failed) {
    return (
      <Suspense fallback={<EventPageSkeleton />}>
        {notFound ? <EventNotFound signedIn={isAuthenticated} /> : <EventLoadFailed />}
      </Suspense>
    );
  }
  if (loading || !event) return <EventPageSkeleton />;
  // A signed-in viewer is never asked to sign in: that answer was read signed out and its
  // signed-in successor is on its way.
  const staleSignedOut = isAuthenticated && event.rsvpBlockedReason === "sign_in";
  return <EventPageView event={event} sessionSettling={authLoading || staleSignedOut} />;
}

/**
 * A program session's way back to its program, "Session 3 of 8 · <program>", for members who
 * can see the program (the query answers null to everyone else). Inline on purpose: the event
 * page's first JavaScript carries no program components.
 */
function ProgramSessionLink({ eventId }: { eventId: string }) {
  const { isAuthenticated } = useConvexAuth();
  const { data } = useQuery({ ...sessionProgramQuery(eventId), enabled: isAuthenticated });
  if (!data) return null;
  return (
    <Link
      to="/org/$slug/programs/$programId"
      params={{ slug: data.orgSlug, programId: data.programId }}
      className="text-primary mt-2 block text-sm font-medium underline-offset-4 [overflow-wrap:anywhere] hover:underline"
      data-testid="session-program"
    >
      {data.index === null ? "Session" : `Session ${data.index} of ${data.total}`} · {data.name}
    </Link>
  );
}

/** The event page: what, when, where, who's going, and the viewer's RSVP. */
export function EventPageView({ event, sessionSettling = false }: { event: EventPage; sessionSettling?: boolean }) {
  const isAdmin = event.viewerRole === "admin";
  const now = useNow();
  const ended = event.endTime <= now;
  // On a phone the RSVP controls are a bar fixed to the bottom: leave room for it.
  const rsvpBar = event.canRsvp || event.rsvpBlockedReason === "sign_in" || event.rsvpBlockedReason === "join_org";

  return (
    <article
      className={`mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10 ${rsvpBar ? "max-lg:pb-36" : ""}`}
      aria-labelledby="event-title"
    >
      {event.coverUrl ? (
        <img
          src={event.coverUrl}
          alt=""
          className="bg-muted mb-6 h-44 w-full rounded-xl border object-cover sm:h-64"
          data-testid="event-cover"
        />
      ) : null}
      {event.status !== "published" ? (
        <Suspense fallback={null}>
          <EventNotice event={event} />
        </Suspense>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 content-start gap-6">
          <header className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant="secondary">{eventTypeLabel(event.eventType)}</Badge>
              {event.status === "draft" ? <Badge variant="outline">Draft</Badge> : null}
              {event.status === "cancelled" ? <Badge variant="destructive">Cancelled</Badge> : null}
              {ended && event.status === "published" ? <Badge variant="muted">Past event</Badge> : null}
            </div>
            <h1
              id="event-title"
              className={`mt-3 text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl ${event.status === "cancelled" ? "text-muted-foreground line-through decoration-2" : ""}`}
            >
              {event.title}
            </h1>
            <ProgramSessionLink eventId={event._id} />
            <Link
              to="/org/$slug"
              params={{ slug: event.org.slug }}
              className="hover:text-foreground text-muted-foreground mt-3 inline-flex items-center gap-2 text-sm font-medium"
            >
              <OrgAvatar name={event.org.name} logoUrl={event.org.logoUrl} className="size-6 rounded-md text-[10px]" />
              Hosted by <span className="text-foreground">{event.org.name}</span>
            </Link>
          </header>

          <div className="grid gap-4">
            <EventTimeBlock startTime={event.startTime} endTime={event.endTime} timezone={event.timezone} />
            {event.venue || event.locationUrl ? (
              <InfoRow icon={MapPin}>
                {event.venue ? (
                  <p className="font-medium [overflow-wrap:anywhere]" data-testid="event-venue">
                    {event.venue}
                  </p>
                ) : null}
                {event.locationUrl ? (
                  <a
                    href={event.locationUrl}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="text-primary inline-flex items-center gap-1 text-sm underline-offset-4 hover:underline"
                  >
                    {event.venue ? "Open map" : displayUrl(event.locationUrl)}
                    <ExternalLink className="size-3.5" aria-hidden="true" />
                  </a>
                ) : null}
              </InfoRow>
            ) : null}
            {event.onlineUrl ? (
              <InfoRow icon={Video}>
                <p className="font-medium">Online</p>
                <a
                  href={event.onlineUrl}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="text-primary inline-flex max-w-full items-center gap-1 text-sm [overflow-wrap:anywhere] underline-offset-4 hover:underline"
                >
                  Join online: {displayUrl(event.onlineUrl)}
                  <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
                </a>
              </InfoRow>
            ) : event.hasOnlineUrl ? (
              <InfoRow icon={Video}>
                <p className="font-medium">Online</p>
                <p className="text-muted-foreground text-sm">The link appears here once you RSVP "Going".</p>
              </InfoRow>
            ) : null}
          </div>
        </div>

        <aside aria-label="RSVP" className="grid content-start gap-4 lg:sticky lg:top-20 lg:row-span-2 lg:self-start">
          <div className="bg-card grid gap-4 rounded-xl border p-4 shadow-sm sm:p-5">
            <div className="flex items-start justify-between gap-3">
              <p className="flex items-center gap-2 text-sm font-medium">
                <Users className="text-muted-foreground size-4" aria-hidden="true" />
                <RsvpCounts event={event} />
              </p>
            </div>
            {event.capacity !== undefined && !event.isPast ? (
              <Suspense fallback={<Skeleton className="h-8" />}>
                <CapacityBar event={event} />
              </Suspense>
            ) : null}
            <Suspense fallback={<RsvpSkeleton />}>
              {sessionSettling ? (
                // The event was read signed out (on the server); until the session is known,
                // neither "Sign in to RSVP" nor a member's answer would be true.
                <RsvpSkeleton />
              ) : event.isPast && event.status === "published" ? (
                <MyAttendance event={event} />
              ) : (
                <RsvpPanel event={event} />
              )}
            </Suspense>
          </div>
          {event.viewerRole !== null && event.status !== "draft" ? (
            <Suspense fallback={<Skeleton className="h-24 rounded-xl" />}>
              <GuestList eventId={event._id} />
            </Suspense>
          ) : null}
          {event.status !== "draft" ? (
            <Suspense fallback={<Skeleton className="h-8 w-24" />}>
              <ShareButton title={event.title} />
            </Suspense>
          ) : null}
          {event.status === "published" && !ended ? (
            <div className="grid gap-2 rounded-xl border p-4 sm:p-5">
              <h2 className="text-sm font-semibold">Add to calendar</h2>
              <Suspense fallback={<Skeleton className="h-8" />}>
                <AddToCalendar event={event} />
              </Suspense>
            </div>
          ) : null}
          {isAdmin ? (
            <div className="grid gap-2 rounded-xl border p-4 sm:p-5">
              <h2 className="text-sm font-semibold">Organizer tools</h2>
              <Suspense fallback={<Skeleton className="h-8 w-48" />}>
                <AdminActions event={event} />
              </Suspense>
            </div>
          ) : null}
        </aside>

        <div className="grid min-w-0 grid-cols-1 content-start gap-8">
          <section aria-labelledby="about-event">
            <h2
              id="about-event"
              className="text-muted-foreground border-b pb-2 text-sm font-semibold tracking-wide uppercase"
            >
              About this event
            </h2>
            <div className="mt-4">
              {event.description ? (
                <EventDescription markdown={event.description} />
              ) : (
                <p className="text-muted-foreground">No description yet.</p>
              )}
            </div>
          </section>
          {isAdmin && event.status === "published" ? (
            <Suspense fallback={<Skeleton className="h-48 rounded-xl" />}>
              <OrganizerAttendance eventId={event._id} started={event.startTime <= now} ended={event.isPast} />
            </Suspense>
          ) : null}
          {isAdmin && event.status !== "draft" ? (
            <Suspense fallback={<Skeleton className="h-48 rounded-xl" />}>
              <AttendeeList event={event} />
            </Suspense>
          ) : null}
          {isAdmin && event.status !== "draft" ? (
            <Suspense fallback={<Skeleton className="h-32 rounded-xl" />}>
              <EventNotificationLog eventId={event._id} notifyBefore={event.notifyBefore} />
            </Suspense>
          ) : null}
        </div>
      </div>
    </article>
  );
}

function RsvpSkeleton() {
  return (
    <div className="grid gap-3" role="status" aria-busy="true" data-testid="rsvp-loading">
      <span className="sr-only">Loading your RSVP…</span>
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-9" />
    </div>
  );
}

export function EventPageSkeleton() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-busy="true">
      <span className="sr-only">Loading event…</span>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid content-start gap-4">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-10 w-3/4" />
          <Skeleton className="h-5 w-48" />
          <Skeleton className="mt-4 h-12 w-2/3" />
          <Skeleton className="h-12 w-1/2" />
          <Skeleton className="mt-4 h-32" />
        </div>
        <Skeleton className="h-48 rounded-xl" />
      </div>
    </div>
  );
}
