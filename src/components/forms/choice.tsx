import { useId, type ReactNode } from "react";

import { Checkbox } from "~/components/ui/checkbox";
import { cn } from "~/lib/utils";

/** A checkbox (or radio) with its label and an optional description linked to it. */
export function Choice({
  type = "checkbox",
  name,
  checked,
  onChange,
  label,
  description,
  disabled,
}: {
  type?: "checkbox" | "radio";
  name?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={cn("flex items-start gap-3", disabled && "opacity-60")}>
      <Checkbox
        id={id}
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-description` : undefined}
        className={cn("mt-0.5", type === "radio" && "rounded-full")}
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className="cursor-pointer text-sm leading-5 font-medium">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="text-muted-foreground text-xs">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
