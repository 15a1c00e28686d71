import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BellOff, CircleCheck, Loader2, TriangleAlert } from "lucide-react";

import { MessageCard, MessageCardSkeleton } from "~/components/common/message-card";
import { Button } from "~/components/ui/button";
import { GENERIC_ERROR_MESSAGE } from "~/lib/errors";
import { unsubscribeLinkQuery, useConfirmUnsubscribeMutation } from "./data";

type Purpose = "reminders-off" | "announcements-off" | "attendance-prompts-off";

const TEXT: Record<Purpose, { question: string; explain: string; button: string; done: string }> = {
  "reminders-off": {
    question: "Stop event reminder emails?",
    explain: "You'll no longer get reminders before events you RSVP'd to.",
    button: "Turn off event reminders",
    done: "You won't get event reminder emails any more.",
  },
  "announcements-off": {
    question: "Stop new-event announcements?",
    explain: "You'll no longer get emails about newly published events, nor the weekly digest.",
    button: "Turn off announcements",
    done: "You won't get new-event announcements or the weekly digest any more.",
  },
  "attendance-prompts-off": {
    question: "Stop after-event check-ins?",
    explain: "You'll no longer be asked after events whether you attended.",
    button: "Turn off after-event check-ins",
    done: "You won't be asked after events whether you attended any more.",
  },
};

const settingsLink = (
  <Link to="/settings" className="text-primary font-medium underline-offset-4 hover:underline">
    Manage all notification settings
  </Link>
);

/**
 * The email's unsubscribe link. Opening it only reads the token (mail scanners prefetch links);
 * the button turns off what the token names. Works signed out.
 */
export function UnsubscribePage({ token }: { token: string }) {
  const link = useQuery(unsubscribeLinkQuery(token));
  const confirm = useConfirmUnsubscribeMutation();

  if (confirm.data?.status === "done") {
    return (
      <MessageCard icon={CircleCheck} tone="success" title="You're unsubscribed" footer={settingsLink}>
        <p>{TEXT[confirm.data.purpose].done}</p>
        <p>You can turn them back on any time in your settings.</p>
      </MessageCard>
    );
  }
  const refused = confirm.data?.status ?? (link.data?.status === "ready" ? null : link.data?.status);
  if (refused) {
    return (
      <MessageCard icon={TriangleAlert} tone="warning" title="Link not valid" footer={settingsLink}>
        <p>
          {refused === "expired"
            ? "This unsubscribe link has expired. Nothing was changed."
            : refused === "unknown_user"
              ? "The account this link was sent to no longer exists. Nothing was changed."
              : "This unsubscribe link is not valid (it may have been copied incompletely). Nothing was changed."}
        </p>
        <p>You can change your email settings after signing in.</p>
      </MessageCard>
    );
  }
  if (link.isError) {
    return (
      <MessageCard icon={TriangleAlert} tone="warning" title="Couldn't open this link">
        <p>{GENERIC_ERROR_MESSAGE}</p>
      </MessageCard>
    );
  }
  if (link.data?.status !== "ready") return <MessageCardSkeleton />;

  const text = TEXT[link.data.purpose];
  return (
    <MessageCard
      icon={BellOff}
      title={text.question}
      footer={settingsLink}
      actions={
        <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
          {confirm.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          {text.button}
        </Button>
      }
    >
      <p>{text.explain} You can turn them back on any time in your settings.</p>
      {confirm.isError ? (
        <p role="alert" className="text-destructive">
          {GENERIC_ERROR_MESSAGE}
        </p>
      ) : null}
    </MessageCard>
  );
}
