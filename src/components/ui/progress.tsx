import * as React from "react";

import { cn } from "~/lib/utils";

/** A determinate progress bar (0–100). Give it an aria-label or aria-labelledby. */
function Progress({ value, className, ...props }: React.ComponentProps<"div"> & { value: number }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      data-slot="progress"
      className={cn("bg-muted relative h-2 w-full overflow-hidden rounded-full", className)}
      {...props}
    >
      <div
        className="bg-primary h-full rounded-full transition-[width] duration-500"
        style={{ width: `${clamped}%` }}
      />
    </div>
  );
}

export { Progress };
