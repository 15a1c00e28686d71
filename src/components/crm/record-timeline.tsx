import { Link } from "@tanstack/react-router";
import {
  ArrowUpCircle,
  CalendarCheck,
  CalendarX,
  Gauge,
  LogIn,
  LogOut,
  MessageSquareText,
  Star,
  StickyNote,
  Ticket,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";

import { LoadMore } from "~/components/common/load-more";
import { Skeleton } from "~/components/ui/skeleton";
import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import {
  ATTENDANCE_STATE_LABELS,
  CHECK_IN_VIA_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_SOURCE_LABELS,
  RSVP_LABELS,
} from "@convex/lib/vocabulary";
import { useMemberTimeline } from "./data";
import { NoteItem } from "./notes-item";
import { formatTimestamp } from "~/lib/time";

export type TimelineEntry = FunctionReturnType<typeof api.crm.record.memberTimeline>["page"][number];

/** Everything that happened with this member in the org, newest first, live. */
export function RecordTimeline({ orgId, userId }: { orgId: Id<"organizations">; userId: Id<"users"> }) {
  const timeline = useMemberTimeline(orgId, userId);
  if (timeline.status === "LoadingFirstPage") {
    return (
      <div role="status" className="grid gap-3">
        <span className="sr-only">Loading timeline…</span>
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </div>
    );
  }
  if (timeline.results.length === 0) {
    return <p className="text-muted-foreground text-sm">Nothing on the timeline yet.</p>;
  }
  return (
    <section aria-label="Timeline">
      <ol className="relative grid gap-4 border-l pl-5">
        {timeline.results.map((entry) => (
          <TimelineItem key={entry._id} entry={entry} orgId={orgId} />
        ))}
      </ol>
      <LoadMore status={timeline.status} onLoadMore={() => timeline.loadMore(20)} label="Show earlier" />
    </section>
  );
}

function EventLink({ event }: { event: TimelineEntry["event"] }) {
  if (event === null) return <span>a deleted event</span>;
  return (
    <Link
      to="/events/$eventId"
      params={{ eventId: event._id }}
      className="font-medium underline-offset-4 hover:underline"
    >
      {event.title}
    </Link>
  );
}

function provenance(entry: TimelineEntry): string | null {
  if (entry.source === "check_in") return CHECK_IN_VIA_LABELS[entry.via ?? "door"];
  if (entry.source === "admin") return entry.byName ? `Marked by ${entry.byName}` : "Marked by an admin";
  if (entry.source === "self_report") return "Self-reported by the member";
  return null;
}

function describe(entry: TimelineEntry): { icon: LucideIcon; body: ReactNode; detail?: ReactNode } {
  switch (entry.kind) {
    case "joined":
      return { icon: LogIn, body: "Joined the org" };
    case "left":
      return { icon: LogOut, body: "Left the org" };
    case "rsvp":
      return {
        icon: Ticket,
        body: (
          <>
            RSVP {entry.rsvpStatus ? RSVP_LABELS[entry.rsvpStatus].toLowerCase() : "changed"} ·{" "}
            <EventLink event={entry.event} />
          </>
        ),
      };
    case "promoted":
      return {
        icon: ArrowUpCircle,
        body: (
          <>
            Moved up from the waitlist · <EventLink event={entry.event} />
          </>
        ),
      };
    case "attendance":
      return {
        icon: entry.state === "attended" ? CalendarCheck : CalendarX,
        body: (
          <>
            {entry.state === "unknown" || entry.state === null
              ? "Attendance cleared"
              : ATTENDANCE_STATE_LABELS[entry.state]}{" "}
            · <EventLink event={entry.event} />
          </>
        ),
        detail: provenance(entry),
      };
    case "feedback":
      return {
        icon: Star,
        body: (
          <>
            Rated <EventLink event={entry.event} /> {entry.rating} of 5
          </>
        ),
        detail: entry.comment ? `“${entry.comment}”` : undefined,
      };
    case "level":
      return {
        icon: Gauge,
        body: `Level: ${entry.level ? ENGAGEMENT_LEVEL_LABELS[entry.level] : "—"}`,
        detail: [entry.levelSource ? ENGAGEMENT_SOURCE_LABELS[entry.levelSource] : null, entry.reason]
          .filter(Boolean)
          .join(" · "),
      };
    case "override":
      return {
        icon: Gauge,
        body: `Level set to ${entry.level ? ENGAGEMENT_LEVEL_LABELS[entry.level] : "—"}${entry.byName ? ` by ${entry.byName}` : ""}`,
        detail: entry.reason ? `“${entry.reason}”` : undefined,
      };
    case "override_cleared":
      return { icon: Gauge, body: `Level override cleared${entry.byName ? ` by ${entry.byName}` : ""}` };
    case "note":
      return { icon: StickyNote, body: "Note" };
  }
}

function TimelineItem({ entry, orgId }: { entry: TimelineEntry; orgId: Id<"organizations"> }) {
  const {
    icon: Icon,
    body,
    detail,
  } = entry.kind === "note" ? { icon: MessageSquareText, body: null } : describe(entry);
  return (
    <li className="relative">
      <span className="bg-background text-muted-foreground absolute top-0.5 -left-[1.95rem] flex size-5 items-center justify-center rounded-full border">
        <Icon className="size-3" aria-hidden="true" />
      </span>
      <time dateTime={new Date(entry.at).toISOString()} className="text-muted-foreground block text-xs">
        {formatTimestamp(entry.at)}
      </time>
      {entry.kind === "note" && entry.note ? (
        <NoteItem orgId={orgId} note={entry.note} />
      ) : (
        <>
          <p className="text-sm">{body}</p>
          {detail ? <p className="text-muted-foreground text-xs">{detail}</p> : null}
        </>
      )}
    </li>
  );
}
