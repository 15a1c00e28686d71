import { CalendarSync, Check, Copy, Loader2, RotateCcw } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { CONVEX_SITE_URL } from "~/lib/convex";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useCalendarTokenMutation, useRotateCalendarTokenMutation } from "./data";

type Org = { _id: Id<"organizations">; slug: string; name: string; visibility: "public" | "private" };

export function publicFeedUrl(slug: string): string {
  return `${CONVEX_SITE_URL}/orgs/${encodeURIComponent(slug)}/calendar.ics`;
}

/**
 * "Subscribe to calendar": the org's ICS feed URL for calendar apps. Public orgs have one URL for
 * everyone; private orgs give each member a secret link, which "Reset link" replaces.
 */
export function CalendarSubscribe({ org, isMember }: { org: Org; isMember: boolean }) {
  const isPrivate = org.visibility === "private";
  const getToken = useCalendarTokenMutation();
  const rotate = useRotateCalendarTokenMutation();
  const [privateUrl, setPrivateUrl] = useState<string>();
  const busy = getToken.isPending ? "get" : rotate.isPending ? "reset" : null;
  const [copyError, setCopyError] = useState<string>();
  const error = copyError ?? expectedErrorMessage(rotate.error ?? getToken.error);
  const [copied, setCopied] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  const url = isPrivate ? privateUrl : publicFeedUrl(org.slug);

  function load(kind: "get" | "reset") {
    const onSuccess = (result: { feedUrl: string }) => {
      setPrivateUrl(result.feedUrl);
      setConfirmReset(false);
      setCopied(false);
    };
    if (kind === "get") getToken.mutate({ orgId: org._id }, { onSuccess });
    else rotate.mutate({ orgId: org._id }, { onSuccess });
  }

  if (isPrivate && !isMember) return null;

  return (
    <Dialog
      onOpenChange={(open) => {
        if (open && isPrivate && !privateUrl) load("get");
        if (!open) setConfirmReset(false);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarSync aria-hidden="true" />
          Subscribe to calendar
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Subscribe to {org.name} events</DialogTitle>
          <DialogDescription>
            Add this address to Google Calendar ("Other calendars → From URL"), Apple Calendar or Outlook. New events,
            changes and cancellations show up there automatically.
            {isPrivate ? " This link is yours alone: don't share it." : ""}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="calendar-feed-url">Calendar feed URL</Label>
          <div className="flex gap-2">
            <Input
              id="calendar-feed-url"
              readOnly
              value={url ?? (busy ? "Creating your private link…" : "")}
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono text-xs"
            />
            <Button
              type="button"
              variant="outline"
              disabled={!url}
              aria-label={copied ? "Copied" : "Copy feed URL"}
              onClick={async () => {
                if (!url) return;
                try {
                  await navigator.clipboard.writeText(url);
                  setCopyError(undefined);
                  setCopied(true);
                } catch {
                  setCopyError("Couldn't copy: select the address and copy it by hand.");
                }
              }}
            >
              {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
              <span className="hidden sm:inline">{copied ? "Copied" : "Copy"}</span>
            </Button>
          </div>
          {url ? (
            <a
              className="text-primary text-sm underline-offset-4 hover:underline"
              href={url.replace(/^https?:\/\//, "webcal://")}
            >
              Open in my calendar app
            </a>
          ) : null}
        </div>
        {isPrivate ? (
          <div className="grid gap-2 border-t pt-4">
            {confirmReset ? (
              <>
                <p className="text-sm">Reset the link? Calendars subscribed with the old one stop updating.</p>
                <div className="flex gap-2">
                  <Button variant="destructive" size="sm" disabled={busy !== null} onClick={() => load("reset")}>
                    {busy === "reset" ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
                    Reset link
                  </Button>
                  <Button variant="outline" size="sm" onClick={() => setConfirmReset(false)}>
                    Keep it
                  </Button>
                </div>
              </>
            ) : (
              <div className="flex items-center justify-between gap-3">
                <p className="text-muted-foreground text-sm">Shared it by mistake? Get a new link.</p>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={busy !== null || !url}
                  onClick={() => setConfirmReset(true)}
                >
                  <RotateCcw aria-hidden="true" />
                  Reset link
                </Button>
              </div>
            )}
          </div>
        ) : null}
        {error ? (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
