import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Check, Copy, Send } from "lucide-react";
import { useCallback, useRef, useState, type ReactNode } from "react";

import { Button } from "~/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import type { Id } from "@convex/_generated/dataModel";
import { publishAudienceQuery } from "./data";
import { useOrigin } from "./use-now";

type State =
  { kind: "closed" } | { kind: "confirm"; title: string } | { kind: "share"; eventId: string; title: string };

/**
 * Publishing in two steps: `ask()` shows "This notifies N members" (the count from the server)
 * and resolves true when the admin confirms; after publishing, `share(eventId)` shows the
 * event's link with a copy button, and closing it opens the event.
 */
export function usePublishConfirm(org: { _id: Id<"organizations">; name: string }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const answer = useRef<(ok: boolean) => void>(undefined);

  const ask = useCallback(
    (title: string) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setState({ kind: "confirm", title });
      }),
    [],
  );
  const share = useCallback((eventId: string, title: string) => setState({ kind: "share", eventId, title }), []);
  const settle = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = undefined;
  };

  const element: ReactNode =
    state.kind === "confirm" ? (
      <ConfirmPublish
        org={org}
        title={state.title}
        onAnswer={(ok) => {
          setState({ kind: "closed" });
          settle(ok);
        }}
      />
    ) : state.kind === "share" ? (
      <ShareStep eventId={state.eventId} title={state.title} onClose={() => setState({ kind: "closed" })} />
    ) : null;

  return { ask, share, element };
}

function ConfirmPublish({
  org,
  title,
  onAnswer,
}: {
  org: { _id: Id<"organizations">; name: string };
  title: string;
  onAnswer: (ok: boolean) => void;
}) {
  const audience = useQuery(publishAudienceQuery(org._id));
  const n = audience.data?.members;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onAnswer(false))}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Publish “{title || "this event"}”?</DialogTitle>
          <DialogDescription asChild>
            <div>
              {n === undefined ? (
                <Skeleton className="h-5 w-56" aria-label="Counting members" />
              ) : (
                <p data-testid="publish-audience">
                  This notifies {n} member{n === 1 ? "" : "s"} of {org.name}.
                </p>
              )}
              <p className="mt-1">
                Each hears about it as they chose: an email now, their weekly digest, or only the inbox. Members can
                RSVP once it's published.
              </p>
            </div>
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Not yet</Button>
          </DialogClose>
          <Button onClick={() => onAnswer(true)} disabled={n === undefined}>
            <Send aria-hidden="true" />
            Publish now
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ShareStep({ eventId, title, onClose }: { eventId: string; title: string; onClose: () => void }) {
  const navigate = useNavigate();
  const origin = useOrigin();
  const url = `${origin ?? ""}/events/${eventId}`;
  const [copied, setCopied] = useState(false);
  const open = () => {
    onClose();
    void navigate({ to: "/events/$eventId", params: { eventId } });
  };
  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : open())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>“{title}” is published</DialogTitle>
          <DialogDescription>Share the link wherever your community talks: chat, newsletter, social.</DialogDescription>
        </DialogHeader>
        <div className="flex gap-2">
          <Input readOnly value={url} aria-label="Event link" onFocus={(e) => e.currentTarget.select()} />
          <Button
            variant="outline"
            onClick={() =>
              void navigator.clipboard.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
        <p role="status" className="sr-only">
          {copied ? "Link copied." : ""}
        </p>
        <DialogFooter>
          <Button onClick={open}>View event</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
