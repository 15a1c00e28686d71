import { fromZonedTime } from "date-fns-tz";

import { Checkbox } from "~/components/ui/checkbox";
import { REMINDERS } from "./event-form-values";

/** The start as UTC ms, or null while the fields don't make a time yet. */
export function startInstant(startLocal: string, timezone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startLocal)) return null;
  try {
    const ms = fromZonedTime(startLocal, timezone).getTime();
    return Number.isNaN(ms) ? null : ms;
  } catch {
    return null;
  }
}

/**
 * Offsets that can no longer be added: their send time is past. Ones the event already had
 * (`kept`) stay as they are, as the server keeps them.
 */
export function pastReminders(start: number | null, kept: number[], now: number): Set<number> {
  if (start === null) return new Set();
  return new Set(REMINDERS.map((r) => r.minutes).filter((m) => start - m * 60_000 <= now && !kept.includes(m)));
}

/** The reminder checkboxes; one already past is unticked and disabled, with the reason. */
export function ReminderChoices({
  value,
  past,
  error,
  onToggle,
}: {
  value: number[];
  past: Set<number>;
  error?: string;
  onToggle: (minutes: number, on: boolean) => void;
}) {
  const others = value.filter((m) => !REMINDERS.some((r) => r.minutes === m));
  return (
    <fieldset className="grid content-start gap-2" aria-describedby={error ? "notify-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">Reminders</legend>
      {REMINDERS.map((r) => {
        const isPast = past.has(r.minutes);
        const hintId = `reminder-${r.minutes}-past`;
        return (
          <label
            key={r.minutes}
            className={
              isPast ? "text-muted-foreground flex items-center gap-2 text-sm" : "flex items-center gap-2 text-sm"
            }
          >
            <Checkbox
              name={r.minutes === 1_440 ? "notifyBefore" : undefined}
              checked={!isPast && value.includes(r.minutes)}
              disabled={isPast}
              aria-describedby={isPast ? hintId : undefined}
              onChange={(e) => onToggle(r.minutes, e.target.checked)}
            />
            {r.label}
            {isPast ? (
              <span id={hintId} className="text-xs">
                (already past for this start time)
              </span>
            ) : null}
          </label>
        );
      })}
      {others.length > 0 ? (
        <p className="text-muted-foreground text-xs">Also kept: {others.map((m) => `${m} min`).join(", ")} before.</p>
      ) : null}
      {error ? (
        <p id="notify-error" role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
