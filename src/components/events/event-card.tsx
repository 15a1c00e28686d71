import { Link } from "@tanstack/react-router";
import { Clock, MapPin, Users, Video } from "lucide-react";
import type { ReactNode } from "react";

import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { dateTile, formatEventShort } from "~/lib/time";
import { cn } from "~/lib/utils";
import { eventTypeLabel, type EventSummary } from "./types";

/** One event in a list: a date tile, the title (a link to the event page), when, where, who. */
export function EventCard({
  event,
  orgName,
  badges,
  past = false,
  className,
}: {
  event: EventSummary;
  /** Shown on cross-org lists (the dashboard). */
  orgName?: string;
  /** Extra badges, e.g. the viewer's RSVP. */
  badges?: ReactNode;
  /** On lists of past events: who came ("N attended"), not who's going. */
  past?: boolean;
  className?: string;
}) {
  const tile = dateTile(event.startTime, event.timezone);
  const cancelled = event.status === "cancelled";
  const full = event.capacity !== undefined && event.goingCount >= event.capacity;
  return (
    <article
      className={cn(
        "group hover:border-foreground/20 relative flex gap-4 rounded-xl border p-4 transition-colors hover:shadow-sm",
        cancelled && "bg-muted/40",
        className,
      )}
      data-testid="event-card"
    >
      <div
        aria-hidden="true"
        className={cn(
          "flex w-14 shrink-0 flex-col items-center self-start overflow-hidden rounded-lg border text-center",
          cancelled && "opacity-60",
        )}
      >
        <span className="bg-primary/10 text-primary w-full py-0.5 text-[10px] font-bold tracking-wider">
          {tile.month}
        </span>
        <span className="pt-1 text-xl leading-none font-bold">{tile.day}</span>
        <span className="text-muted-foreground pb-1 text-[10px] font-medium uppercase">{tile.weekday}</span>
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-1.5">
          {event.status === "draft" ? <Badge variant="outline">Draft</Badge> : null}
          {cancelled ? <Badge variant="destructive">Cancelled</Badge> : null}
          <Badge variant="muted">{eventTypeLabel(event.eventType)}</Badge>
          {badges}
        </div>
        <h3
          className={cn(
            "mt-1.5 font-semibold [overflow-wrap:anywhere]",
            cancelled && "text-muted-foreground line-through",
          )}
        >
          {/* The whole card is clickable through this link's ::after. */}
          <Link
            to="/events/$eventId"
            params={{ eventId: event._id }}
            className="outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:underline"
          >
            {event.title}
          </Link>
        </h3>
        {orgName ? <p className="text-muted-foreground text-sm">{orgName}</p> : null}
        <ul className="text-muted-foreground mt-1.5 grid gap-1 text-sm">
          <li className="flex items-center gap-1.5">
            <Clock className="size-3.5 shrink-0" aria-hidden="true" />
            <time dateTime={new Date(event.startTime).toISOString()}>
              {formatEventShort(event.startTime, event.timezone)}
            </time>
          </li>
          {event.venue ? (
            <li className="flex min-w-0 items-center gap-1.5">
              <MapPin className="size-3.5 shrink-0" aria-hidden="true" />
              <span className="truncate">{event.venue}</span>
            </li>
          ) : event.hasOnlineUrl ? (
            <li className="flex items-center gap-1.5">
              <Video className="size-3.5 shrink-0" aria-hidden="true" />
              Online
            </li>
          ) : null}
          {event.status !== "draft" ? (
            <li className="flex items-center gap-1.5">
              <Users className="size-3.5 shrink-0" aria-hidden="true" />
              {past ? (
                <span>{event.attendedCount.toLocaleString("en")} attended</span>
              ) : (
                <span>
                  {event.goingCount.toLocaleString("en")} going
                  {event.capacity !== undefined
                    ? full
                      ? " · Full"
                      : ` · ${(event.capacity - event.goingCount).toLocaleString("en")} spots left`
                    : ""}
                  {event.waitlistCount > 0 ? ` · ${event.waitlistCount.toLocaleString("en")} waitlisted` : ""}
                </span>
              )}
            </li>
          ) : null}
        </ul>
      </div>
      {event.coverUrl ? (
        <img
          src={event.coverUrl}
          alt=""
          loading="lazy"
          className="bg-muted hidden h-20 w-32 shrink-0 self-center rounded-lg border object-cover sm:block"
        />
      ) : null}
    </article>
  );
}

export function EventCardSkeletons({ count = 3 }: { count?: number }) {
  return (
    <div className="grid gap-3" role="status" aria-busy="true">
      <span className="sr-only">Loading events…</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex gap-4 rounded-xl border p-4">
          <Skeleton className="h-16 w-14 rounded-lg" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        </div>
      ))}
    </div>
  );
}
