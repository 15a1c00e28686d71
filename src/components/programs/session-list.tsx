import { Link } from "@tanstack/react-router";

import { Badge } from "~/components/ui/badge";
import type { ProgramPageData } from "./data";
import { formatEventShort } from "~/lib/time";

type Session = ProgramPageData["sessions"][number];

function viewerBadge(s: Session, enrolled: boolean) {
  if (s.status === "cancelled") return <Badge variant="muted">Cancelled</Badge>;
  if (s.viewerState === "attended") return <Badge variant="success">Attended</Badge>;
  if (s.viewerState === "excused") return <Badge variant="secondary">Excused</Badge>;
  if (s.status === "draft") return <Badge variant="muted">Draft</Badge>;
  // Held before they joined: not an absence.
  if (s.beforeJoining) return <Badge variant="muted">Before you joined</Badge>;
  if (Date.now() >= s.endTime) return enrolled ? <Badge variant="outline">Missed</Badge> : null;
  if (s.viewerRsvp === "going") return <Badge>Going</Badge>;
  if (s.viewerRsvp === "not_going") return <Badge variant="muted">Not going</Badge>;
  return null;
}

/** The program's sessions in order, each linking to its event page. */
export function SessionList({
  sessions,
  timezone,
  enrolled,
}: {
  sessions: Session[];
  timezone: string;
  enrolled: boolean;
}) {
  return (
    <section aria-labelledby="sessions-heading" className="grid gap-3">
      <h3 id="sessions-heading" className="text-lg font-semibold">
        Sessions
      </h3>
      {sessions.length === 0 ? (
        <p className="text-muted-foreground text-sm">No sessions scheduled yet.</p>
      ) : (
        <ol className="divide-y rounded-lg border">
          {sessions.map((s, i) => (
            <li key={s._id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0">
                <Link
                  to="/events/$eventId"
                  params={{ eventId: s._id }}
                  className="font-medium underline-offset-4 hover:underline"
                >
                  Session {i + 1}
                </Link>
                <p className="text-muted-foreground text-sm" data-testid="session-time">
                  {formatEventShort(s.startTime, timezone)}
                  {s.venue ? ` · ${s.venue}` : ""}
                </p>
              </div>
              {viewerBadge(s, enrolled)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
