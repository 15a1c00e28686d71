import { Star } from "lucide-react";

import { cn } from "~/lib/utils";
import { ATTENDANCE_LIMITS } from "@convex/lib/vocabulary";

const STARS = Array.from(
  { length: ATTENDANCE_LIMITS.ratingMax - ATTENDANCE_LIMITS.ratingMin + 1 },
  (_, i) => i + ATTENDANCE_LIMITS.ratingMin,
);

/** 1–5 stars as a radio group (arrow keys move between them), each named "N stars". */
export function StarRating({
  value,
  onChange,
  name,
  error,
  errorId,
}: {
  value: number | null;
  onChange: (rating: number) => void;
  name: string;
  error?: string;
  errorId?: string;
}) {
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-sm font-medium">Your rating</legend>
      <div className="flex gap-1" role="radiogroup" aria-label="Your rating">
        {STARS.map((n) => (
          <label
            key={n}
            className="group relative cursor-pointer rounded-md p-1 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="sr-only"
              aria-label={n === 1 ? "1 star" : `${n} stars`}
            />
            <Star
              aria-hidden="true"
              fill={value !== null && n <= value ? "currentColor" : "none"}
              className={cn(
                "size-8 transition-colors",
                value !== null && n <= value ? "text-amber-400" : "text-muted-foreground/50",
              )}
            />
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-destructive mt-1 text-sm">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A rating to read: "4 out of 5 stars". */
export function StarsShown({ rating, className }: { rating: number; className?: string }) {
  return (
    <span
      className={cn("inline-flex items-center gap-0.5", className)}
      role="img"
      aria-label={`${rating} out of ${ATTENDANCE_LIMITS.ratingMax} stars`}
    >
      {STARS.map((n) => (
        <Star
          key={n}
          aria-hidden="true"
          fill={n <= rating ? "currentColor" : "none"}
          className={cn("size-4", n <= rating ? "text-amber-400" : "text-muted-foreground/40")}
        />
      ))}
    </span>
  );
}
