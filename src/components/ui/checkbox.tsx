import * as React from "react";

import { cn } from "~/lib/utils";

/** A native checkbox (or radio) in the theme's colours. */
function Checkbox({ className, type = "checkbox", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="checkbox"
      className={cn(
        "accent-primary border-input size-4 shrink-0 cursor-pointer rounded-sm outline-none disabled:cursor-not-allowed disabled:opacity-50",
        "focus-visible:ring-ring/50 focus-visible:ring-[3px]",
        className,
      )}
      {...props}
    />
  );
}

export { Checkbox };
