import { Link } from "@tanstack/react-router";
import {
  BellRing,
  CalendarClock,
  CalendarX2,
  Check,
  CheckCheck,
  Inbox,
  KeyRound,
  Loader2,
  Megaphone,
  Newspaper,
  PartyPopper,
  PencilLine,
} from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { formatRelative } from "~/lib/format-date";
import { cn } from "~/lib/utils";
import { useMarkAllReadMutation, useMarkReadMutation, useMyNotifications } from "./data";
import { KIND_LABELS, type InboxItem, type NotificationKind } from "./labels";
import { formatTimestamp } from "~/lib/time";

const PAGE_SIZE = 20;

const KIND_ICONS: Record<NotificationKind, typeof BellRing> = {
  reminder: CalendarClock,
  announcement: Megaphone,
  event_changed: PencilLine,
  event_cancelled: CalendarX2,
  waitlist_promoted: PartyPopper,
  digest: Newspaper,
  attendance_prompt: Check,
  program_at_risk: CalendarClock,
  account: KeyRound,
};

/** "Mark all as read", shown with the page header; disabled when nothing is unread. */
export function MarkAllReadButton({ unread }: { unread: number }) {
  const markAll = useMarkAllReadMutation();
  const busy = markAll.isPending;
  const error = expectedErrorMessage(markAll.error);
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button variant="outline" disabled={busy || unread === 0} onClick={() => markAll.mutate({})}>
        {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : <CheckCheck aria-hidden="true" />}
        Mark all as read
      </Button>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The member's notifications, newest first, live; unread ones stand out. */
export function InboxList() {
  const { results, status, loadMore } = useMyNotifications(PAGE_SIZE);

  if (status === "LoadingFirstPage") {
    return (
      <div className="grid gap-2" role="status" aria-label="Loading notifications">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-20 rounded-xl" />
        ))}
      </div>
    );
  }

  if (results.length === 0) {
    return (
      <EmptyState icon={Inbox} title="You're all caught up">
        Reminders, new events from your organizations and changes to events you're going to will show up here.{" "}
        <Link to="/settings" hash="notifications" className="text-primary underline-offset-4 hover:underline">
          Choose what you get
        </Link>
        .
      </EmptyState>
    );
  }

  return (
    <div>
      <ul className="grid gap-2" aria-label="Notifications">
        {results.map((item) => (
          <InboxRow key={item._id} item={item} />
        ))}
      </ul>
      <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} />
    </div>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  // Optimistic: the row and the unread count change at once, before the server answers.
  const markRead = useMarkReadMutation();
  const error = expectedErrorMessage(markRead.error);
  const unread = item.readAt === undefined;
  const Icon = KIND_ICONS[item.kind];
  const titleId = `notification-${item._id}`;

  const read = () => markRead.mutate({ notificationId: item._id });

  return (
    <li
      aria-labelledby={titleId}
      data-testid="notification"
      data-unread={unread ? "true" : "false"}
      className={cn(
        "relative flex gap-3 rounded-xl border p-3 transition-colors sm:gap-4 sm:p-4",
        unread ? "border-primary/40 bg-primary/[0.06] shadow-xs" : "bg-transparent",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "flex size-9 shrink-0 items-center justify-center rounded-full sm:size-10",
          unread ? "bg-primary/10 text-primary" : "bg-muted text-muted-foreground",
        )}
      >
        <Icon className="size-4 sm:size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {unread ? (
            <span className="bg-primary size-2 shrink-0 rounded-full" title="Unread">
              <span className="sr-only">Unread.</span>
            </span>
          ) : null}
          <Badge variant={unread ? "default" : "muted"}>{KIND_LABELS[item.kind]}</Badge>
          <time
            dateTime={new Date(item.createdAt).toISOString()}
            title={formatTimestamp(item.createdAt)}
            className="text-muted-foreground text-xs"
          >
            {formatRelative(item.createdAt)}
          </time>
        </div>
        <p id={titleId} className={cn("mt-1.5 break-words", unread ? "font-semibold" : "font-medium")}>
          {item.eventId ? (
            <Link
              to="/events/$eventId"
              params={{ eventId: item.eventId }}
              className="underline-offset-4 outline-none hover:underline focus-visible:underline"
              onClick={() => {
                if (unread) read();
              }}
            >
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </p>
        {item.body ? (
          <p className="text-muted-foreground mt-0.5 text-sm break-words whitespace-pre-line">{item.body}</p>
        ) : null}
        {error ? (
          <p role="alert" className="text-destructive mt-1 text-sm">
            {error}
          </p>
        ) : null}
      </div>
      {unread ? (
        <div className="shrink-0 self-start">
          <Button
            variant="ghost"
            size="sm"
            onClick={read}
            disabled={markRead.isPending}
            aria-label={`Mark as read: ${item.title}`}
            className="text-muted-foreground hover:text-foreground"
          >
            <Check aria-hidden="true" />
            <span className="hidden sm:inline">Mark as read</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}
