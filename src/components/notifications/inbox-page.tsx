import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Settings2 } from "lucide-react";

import { PageHeader } from "~/components/common/page-header";
import { Button } from "~/components/ui/button";
import { unreadCountQuery } from "./data";
import { InboxList, MarkAllReadButton } from "./inbox-list";
import { unreadLabel } from "./labels";

/** The member's inbox: unread count, "Mark all as read", the notifications. */
export function InboxPage() {
  const unread = useQuery(unreadCountQuery());
  const count = unread.data ?? 0;

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        title="Inbox"
        description={
          <span role="status" data-testid="unread-summary">
            {unread.data === undefined
              ? "\u00a0"
              : count === 0
                ? "No unread notifications."
                : `${unreadLabel(count)} unread`}
          </span>
        }
        actions={
          <>
            <Button variant="ghost" asChild>
              <Link to="/settings" hash="notifications" aria-label="Notification settings">
                <Settings2 aria-hidden="true" />
                <span className="sm:hidden">Settings</span>
                <span className="hidden sm:inline">Notification settings</span>
              </Link>
            </Button>
            <MarkAllReadButton unread={count} />
          </>
        }
      />
      <div className="mt-6">
        <InboxList />
      </div>
    </div>
  );
}
