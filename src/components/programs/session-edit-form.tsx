import { useState, type FormEvent } from "react";

import { Choice } from "~/components/forms/choice";
import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import type { Id } from "@convex/_generated/dataModel";
import { useUpdateSessionsMutation, type MatrixData } from "./data";
import { formatClock, formatEventShort } from "~/lib/time";

/** Moves one session, or this and all following of its series, to a new local time. */
export function SessionEditForm({
  orgId,
  programId,
  timezone,
  sessions,
}: {
  orgId: Id<"organizations">;
  programId: Id<"programs">;
  timezone: string;
  sessions: MatrixData["sessions"];
}) {
  const update = useUpdateSessionsMutation();
  const [now] = useState(() => Date.now());
  const upcoming = sessions.filter((s) => s.status !== "cancelled" && s.startTime > now);
  const [eventId, setEventId] = useState(upcoming[0]?._id ?? "");
  const current = upcoming.find((s) => s._id === eventId);
  const [startTime, setStartTime] = useState(current ? formatClock(current.startTime, timezone) : "18:30");
  const [duration, setDuration] = useState(current ? String((current.endTime - current.startTime) / 60_000) : "90");
  const [scope, setScope] = useState<"one" | "following">("one");
  const [venue, setVenue] = useState(current?.venue ?? "");
  const [updated, setUpdated] = useState<number>();
  const { errors, formError, busy, run, saved } = useFormSubmit(["startTime", "durationMinutes", "venue", "eventId"]);
  if (upcoming.length === 0) return <p className="text-muted-foreground text-sm">No upcoming sessions to edit.</p>;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(event.currentTarget, async () => {
      const result = await update.mutateAsync({
        orgId,
        programId,
        eventId: eventId as Id<"events">,
        scope,
        startTime,
        durationMinutes: Number(duration),
        venue: venue.trim() === "" ? undefined : venue,
      });
      setUpdated(result.updated);
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-4" aria-label="Edit sessions">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Session" error={errors.eventId}>
          {(p) => (
            <NativeSelect {...p} value={eventId} onChange={(e) => setEventId(e.target.value as Id<"events">)}>
              {upcoming.map((s) => (
                <option key={s._id} value={s._id}>
                  {formatEventShort(s.startTime, timezone)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="New start time" error={errors.startTime}>
          {(p) => <Input {...p} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
        </Field>
        <Field label="Length (minutes)" error={errors.durationMinutes}>
          {(p) => <Input {...p} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
        </Field>
        <Field label="Venue" optional error={errors.venue}>
          {(p) => <Input {...p} value={venue} onChange={(e) => setVenue(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Apply to</legend>
        <Choice
          type="radio"
          name="scope"
          checked={scope === "one"}
          onChange={() => setScope("one")}
          label="This session"
        />
        <Choice
          type="radio"
          name="scope"
          checked={scope === "following"}
          onChange={() => setScope("following")}
          label="This and all following sessions"
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton busy={busy}>Save sessions</SubmitButton>
        <p role="status" className="text-success text-sm">
          {saved && updated !== undefined ? `${updated} session${updated === 1 ? "" : "s"} updated.` : ""}
        </p>
      </div>
    </form>
  );
}
