import { Loader2 } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";

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
import { expectedErrorMessage } from "~/lib/errors";

/**
 * Asks before a destructive action. `onConfirm` may throw a ConvexError: its message stays in
 * the dialog (e.g. "An organization needs at least one admin") instead of closing it.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  destructive = true,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  destructive?: boolean;
}) {
  // The action is a react-query mutation: its pending state and (expected) error show here;
  // an unexpected failure goes to the app-wide handler.
  const confirm = useMutation({ mutationFn: onConfirm });
  const busy = confirm.isPending;
  const error = expectedErrorMessage(confirm.error);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) confirm.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            variant={destructive ? "destructive" : "default"}
            disabled={busy}
            onClick={() =>
              confirm.mutateAsync().then(
                () => onOpenChange(false),
                () => undefined, // shown above (or by the app-wide handler)
              )
            }
          >
            {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
