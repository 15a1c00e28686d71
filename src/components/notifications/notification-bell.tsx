import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Bell } from "lucide-react";

import { cn } from "~/lib/utils";
import { unreadCountQuery } from "./data";
import { unreadLabel } from "./labels";

/** The header's bell: a link to the inbox with the live unread count. */
export function NotificationBell() {
  const unread = useQuery(unreadCountQuery());
  const count = unread.data ?? 0;
  const label = unread.data === undefined ? "Notifications" : `Notifications, ${count > 99 ? "99+" : count} unread`;

  return (
    <Link
      to="/inbox"
      aria-label={label}
      title={label}
      className={cn(
        "text-muted-foreground hover:text-foreground hover:bg-accent/60 relative flex size-9 shrink-0 items-center justify-center rounded-md transition-colors outline-none",
        "focus-visible:ring-ring/50 focus-visible:ring-[3px] data-[status=active]:bg-accent data-[status=active]:text-foreground",
      )}
    >
      <Bell className="size-5" aria-hidden="true" />
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="unread-badge"
          className="bg-primary text-primary-foreground ring-background absolute -top-0.5 -right-0.5 flex h-[18px] min-w-[18px] items-center justify-center rounded-full px-1 text-[10px] leading-none font-semibold tabular-nums ring-2"
        >
          {unreadLabel(count)}
        </span>
      ) : null}
    </Link>
  );
}
