import { MailCheck } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { initials } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import { useEventNotificationLog } from "./data";
import { KIND_LABELS, STATUS_BADGES, type LogEntry } from "./labels";
import { formatTimestamp } from "~/lib/time";

const PAGE_SIZE = 25;

function offsetLabel(minutes: number): string {
  if (minutes % 10080 === 0) return minutes === 10080 ? "1 week" : `${minutes / 10080} weeks`;
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** "1 day and 1 hour before the start". */
export function reminderScheduleText(notifyBefore: number[]): string {
  const parts = [...new Set(notifyBefore)].sort((a, b) => b - a).map(offsetLabel);
  if (parts.length === 0) return "This event sends no reminders.";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `Reminders go out ${list} before the start to members who chose them.`;
}

/**
 * For the event's admins: every email sent about this event (reminders, changes, cancellation,
 * waitlist promotions, announcements), who got it and when, with its delivery status. Live.
 */
export function EventNotificationLog({ eventId, notifyBefore }: { eventId: Id<"events">; notifyBefore: number[] }) {
  const { results, status, loadMore } = useEventNotificationLog(eventId, PAGE_SIZE);

  return (
    <section aria-labelledby="notifications-sent-title" className="rounded-xl border p-4 sm:p-5">
      <h2 id="notifications-sent-title" className="text-lg font-semibold">
        Notifications sent
      </h2>
      <p className="text-muted-foreground text-sm">
        Emails about this event, newest first · only admins see this · updates live
      </p>
      <p className="text-muted-foreground mt-1 text-sm">{reminderScheduleText(notifyBefore)}</p>
      <div className="mt-4">
        {status === "LoadingFirstPage" ? (
          <div className="grid gap-2" role="status" aria-label="Loading notifications sent">
            {[0, 1].map((i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        ) : results.length === 0 ? (
          <EmptyState icon={MailCheck} title="Nothing sent yet" className="py-8">
            Announcements, reminders and notices about changes will be listed here as they go out.
          </EmptyState>
        ) : (
          <ul className="divide-y" aria-label="Notifications sent">
            {results.map((entry) => (
              <LogRow key={entry.emailId} entry={entry} />
            ))}
          </ul>
        )}
        <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} />
      </div>
    </section>
  );
}

function LogRow({ entry }: { entry: LogEntry }) {
  const badge = STATUS_BADGES[entry.status];
  const changed = entry.updatedAt > entry.createdAt + 1000;
  return (
    <li className="flex items-start gap-3 py-2.5" data-testid="notification-log-entry">
      <span
        aria-hidden="true"
        className="bg-muted mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
      >
        {initials(entry.name)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="truncate font-medium">{entry.name}</span>
          <Badge variant="outline">{KIND_LABELS[entry.kind]}</Badge>
        </p>
        <p className="text-muted-foreground truncate text-sm" title={entry.subject}>
          {entry.subject}
        </p>
        <p className="text-muted-foreground text-xs">
          Sent <time dateTime={new Date(entry.createdAt).toISOString()}>{formatTimestamp(entry.createdAt)}</time>
          {changed ? (
            <>
              {" "}
              · {badge.label.toLowerCase()}{" "}
              <time dateTime={new Date(entry.updatedAt).toISOString()}>{formatTimestamp(entry.updatedAt)}</time>
            </>
          ) : null}
        </p>
        {entry.error ? <p className="text-destructive mt-0.5 text-xs break-words">{entry.error}</p> : null}
      </div>
      <Badge variant={badge.variant} title={badge.hint} className="mt-0.5">
        <span className="sr-only">Delivery status: </span>
        {badge.label}
      </Badge>
    </li>
  );
}
