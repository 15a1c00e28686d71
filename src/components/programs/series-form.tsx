import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import type { Id } from "@convex/_generated/dataModel";
import { useCreateSeriesMutation } from "./data";

const FIELDS = [
  "firstDate",
  "startTime",
  "durationMinutes",
  "rrule",
  "exdates",
  "venue",
  "minAttended",
  "title",
] as const;
const DAYS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
  ["SA", "Saturday"],
  ["SU", "Sunday"],
] as const;

/** The weekday code of a "YYYY-MM-DD" date. */
function weekdayOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? "TU" : (["SU", "MO", "TU", "WE", "TH", "FR", "SA"][d.getUTCDay()] ?? "TU");
}

/**
 * A series of sessions from a recurrence rule (RFC 5545). The simple fields write the rule
 * ("every Tuesday for 8 weeks"); the rule itself can be edited for anything else. The server
 * evaluates it in the program's timezone, so 18:30 stays 18:30 across a DST change.
 */
export function SeriesForm({
  orgId,
  programId,
  timezone,
  defaultDate,
  onCreated,
}: {
  orgId: Id<"organizations">;
  programId: Id<"programs">;
  timezone: string;
  defaultDate: string;
  onCreated?: (count: number) => void;
}) {
  const create = useCreateSeriesMutation();
  const { errors, formError, clear, busy, run, saved } = useFormSubmit(FIELDS);
  const [firstDate, setFirstDate] = useState(defaultDate);
  const [startTime, setStartTime] = useState("18:30");
  const [duration, setDuration] = useState("90");
  const [weeks, setWeeks] = useState("8");
  const [day, setDay] = useState(weekdayOf(defaultDate));
  const [rule, setRule] = useState<string | null>(null); // null: follow the simple fields
  const [exdates, setExdates] = useState("");
  const [venue, setVenue] = useState("");
  const [minAttended, setMinAttended] = useState("");
  const [count, setCount] = useState<number>();
  const rrule = rule ?? `FREQ=WEEKLY;BYDAY=${day};COUNT=${weeks || "0"}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    await run(form, async () => {
      const result = await create.mutateAsync({
        orgId,
        programId,
        firstDate,
        startTime,
        durationMinutes: Number(duration),
        rrule,
        exdates: exdates
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        venue: venue.trim() === "" ? undefined : venue,
        minAttended: minAttended.trim() === "" ? undefined : Number(minAttended),
      });
      setCount(result.count);
      onCreated?.(result.count);
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-4" aria-label="New series">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="First session" error={errors.firstDate}>
          {(p) => (
            <Input
              {...p}
              type="date"
              value={firstDate}
              onChange={(e) => {
                setFirstDate(e.target.value);
                setDay(weekdayOf(e.target.value));
                clear("firstDate");
              }}
            />
          )}
        </Field>
        <Field label="Start time" error={errors.startTime} hint={timezone}>
          {(p) => (
            <Input
              {...p}
              type="time"
              value={startTime}
              onChange={(e) => {
                setStartTime(e.target.value);
                clear("startTime");
              }}
            />
          )}
        </Field>
        <Field label="Length (minutes)" error={errors.durationMinutes}>
          {(p) => <Input {...p} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
        </Field>
        <Field label="Repeats every">
          {(p) => (
            <NativeSelect {...p} value={day} onChange={(e) => setDay(e.target.value)} disabled={rule !== null}>
              {DAYS.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Number of weeks">
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              value={weeks}
              disabled={rule !== null}
              onChange={(e) => setWeeks(e.target.value)}
            />
          )}
        </Field>
        <Field label="Venue" optional error={errors.venue}>
          {(p) => <Input {...p} value={venue} onChange={(e) => setVenue(e.target.value)} />}
        </Field>
      </div>
      <Field
        label="Recurrence rule"
        error={errors.rrule}
        hint="RFC 5545, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6. Edit it for anything the fields above can't say."
      >
        {(p) => (
          <Input
            {...p}
            className="font-mono"
            value={rrule}
            onChange={(e) => {
              setRule(e.target.value);
              clear("rrule");
            }}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Skip dates"
          optional
          error={errors.exdates}
          hint="Dates without a session, e.g. 2026-04-07, 2026-04-14."
        >
          {(p) => (
            <Input
              {...p}
              value={exdates}
              onChange={(e) => {
                setExdates(e.target.value);
                clear("exdates");
              }}
            />
          )}
        </Field>
        <Field
          label="Sessions to attend to complete"
          optional
          error={errors.minAttended}
          hint="Leave empty to keep the program's setting (all sessions by default)."
        >
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              value={minAttended}
              onChange={(e) => {
                setMinAttended(e.target.value);
                clear("minAttended");
              }}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton busy={busy}>Create sessions</SubmitButton>
        <p role="status" className="text-success text-sm">
          {saved && count !== undefined ? `${count} sessions created.` : ""}
        </p>
      </div>
    </form>
  );
}
