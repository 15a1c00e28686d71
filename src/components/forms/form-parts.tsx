import { Loader2 } from "lucide-react";
import type * as React from "react";

import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/utils";

/** A form's error that belongs to no field, above its fields (nothing when there is none). */
export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

/** A submit button that shows a spinner and is disabled while `busy` (or when `disabled`). */
export function SubmitButton({
  busy,
  disabled,
  children,
  ...props
}: Omit<React.ComponentProps<typeof Button>, "type"> & { busy: boolean }) {
  return (
    <Button type="submit" disabled={busy || disabled} {...props}>
      {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
      {children}
    </Button>
  );
}

/** The row under a settings-style form: its submit button, any `children`, and the saved note. */
export function SaveBar({
  busy,
  label,
  status,
  className,
  children,
}: {
  busy: boolean;
  label: string;
  /** Announced politely, e.g. "Saved." once the save succeeded ("" otherwise). */
  status: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={cn("flex flex-wrap items-center gap-3", className)}>
      <SubmitButton busy={busy}>{label}</SubmitButton>
      {children}
      <p role="status" className="text-success text-sm">
        {status}
      </p>
    </div>
  );
}
