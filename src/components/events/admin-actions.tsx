import { Link, useNavigate } from "@tanstack/react-router";
import { Ban, Copy, Loader2, Pencil, Send, Trash2 } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { Field } from "~/components/forms/field";
import { Alert, AlertDescription } from "~/components/ui/alert";
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
import { Textarea } from "~/components/ui/textarea";
import { expectedErrorMessage, toFormError } from "~/lib/errors";
import {
  useCancelEventMutation,
  useDeleteEventMutation,
  useDuplicateEventMutation,
  usePublishEventMutation,
} from "./data";
import { usePublishConfirm } from "./publish-dialog";
import type { EventPage } from "./types";

/** The admin toolbar of an event page: publish, edit, duplicate, cancel, delete. */
export function AdminActions({ event }: { event: EventPage }) {
  const navigate = useNavigate();
  const publish = usePublishEventMutation();
  const duplicate = useDuplicateEventMutation();
  const remove = useDeleteEventMutation();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const busy = publish.isPending ? "publish" : duplicate.isPending ? "duplicate" : null;
  // The latest of the two attempts is the one to explain.
  const error = expectedErrorMessage(publish.submittedAt > duplicate.submittedAt ? publish.error : duplicate.error);

  const confirm = usePublishConfirm(event.org);

  async function run(kind: "publish" | "duplicate") {
    if (kind === "publish") {
      duplicate.reset();
      if (!(await confirm.ask(event.title))) return;
      publish.mutate({ eventId: event._id }, { onSuccess: () => confirm.share(event._id, event.title) });
    } else {
      publish.reset();
      duplicate.mutate(
        { eventId: event._id },
        { onSuccess: ({ eventId }) => void navigate({ to: "/events/$eventId/edit", params: { eventId } }) },
      );
    }
  }

  return (
    <div className="grid gap-2">
      {confirm.element}
      <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Manage event">
        {event.status === "draft" ? (
          <Button size="sm" disabled={busy !== null} onClick={() => void run("publish")}>
            {busy === "publish" ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Send aria-hidden="true" />}
            Publish
          </Button>
        ) : null}
        {event.status !== "cancelled" ? (
          <Button size="sm" variant="outline" asChild>
            <Link to="/events/$eventId/edit" params={{ eventId: event._id }}>
              <Pencil aria-hidden="true" />
              Edit
            </Link>
          </Button>
        ) : null}
        <Button size="sm" variant="outline" disabled={busy !== null} onClick={() => void run("duplicate")}>
          {busy === "duplicate" ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Copy aria-hidden="true" />}
          Duplicate
        </Button>
        {event.status === "published" && !event.isPast ? (
          <Button size="sm" variant="outline" className="text-destructive" onClick={() => setCancelOpen(true)}>
            <Ban aria-hidden="true" />
            Cancel event
          </Button>
        ) : null}
        {event.status === "draft" ? (
          <Button size="sm" variant="outline" className="text-destructive" onClick={() => setDeleteOpen(true)}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
      <CancelEventDialog event={event} open={cancelOpen} onOpenChange={setCancelOpen} />
      <ConfirmDialog
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        title="Delete this draft?"
        description={`"${event.title}" will be deleted for good. Nobody has seen it yet.`}
        confirmLabel="Delete draft"
        onConfirm={async () => {
          await remove.mutateAsync({ eventId: event._id });
          await navigate({ to: "/org/$slug/events", params: { slug: event.org.slug } });
        }}
      />
    </div>
  );
}

function CancelEventDialog({
  event,
  open,
  onOpenChange,
}: {
  event: EventPage;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const cancel = useCancelEventMutation();
  const [reason, setReason] = useState("");
  const error =
    cancel.error && expectedErrorMessage(cancel.error) !== undefined ? toFormError(cancel.error) : undefined;
  const answered = event.goingCount + event.maybeCount + event.waitlistCount;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) cancel.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate(
              { eventId: event._id, reason: reason.trim() === "" ? undefined : reason.trim() },
              { onSuccess: () => onOpenChange(false) },
            );
          }}
        >
          <DialogHeader>
            <DialogTitle>Cancel "{event.title}"?</DialogTitle>
            <DialogDescription>
              The event stays visible, marked as cancelled, and RSVPs close.
              {answered > 0 ? ` The ${answered.toLocaleString("en")} people who answered will be told.` : ""} This can't
              be undone.
            </DialogDescription>
          </DialogHeader>
          <Field
            label="Reason"
            optional
            hint="Shown on the event page and in calendars."
            error={error?.field === "cancelReason" || error?.field === "reason" ? error.message : undefined}
          >
            {(props) => (
              <Textarea
                {...props}
                name="reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                placeholder="e.g. The speaker is ill; we'll reschedule soon."
              />
            )}
          </Field>
          {error && error.field !== "cancelReason" && error.field !== "reason" ? (
            <Alert variant="destructive">
              <AlertDescription>{error.message}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Keep event
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={cancel.isPending}>
              {cancel.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Cancel event
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
