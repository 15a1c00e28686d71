import * as React from "react";

import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";

export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/**
 * A labelled form control with its hint and inline error, wired for screen readers. The control
 * is rendered by `children`, which receives the id and aria attributes to spread on it.
 */
export function Field({
  label,
  error,
  hint,
  className,
  optional,
  children,
}: {
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const id = React.useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("grid content-start gap-2", className)}>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="text-muted-foreground font-normal">(optional)</span> : null}
      </Label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <div id={hintId} className="text-muted-foreground text-xs">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
