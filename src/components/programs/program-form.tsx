import { useMemo, useState, type FormEvent } from "react";

import { Choice } from "~/components/forms/choice";
import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { Textarea } from "~/components/ui/textarea";
import { browserTimeZone, timeZoneLabel, timeZoneOptions } from "~/lib/timezones";
import {
  ENROLLMENT_MODE_LABELS,
  ENROLLMENT_MODES,
  PROGRAM_KIND_LABELS,
  PROGRAM_KINDS,
  PROGRAM_LIMITS,
  type EnrollmentMode,
  type ProgramKind,
} from "@convex/lib/vocabulary";

export type ProgramFormValues = {
  name: string;
  description: string;
  kind: ProgramKind;
  startDate: string;
  endDate: string;
  timezone: string;
  capacity: string;
  enrollmentMode: EnrollmentMode;
  minAttended: string;
  countExcused: boolean;
};

export type ProgramArgs = {
  name: string;
  description?: string;
  kind: ProgramKind;
  startDate: string;
  endDate: string;
  timezone: string;
  capacity?: number;
  enrollmentMode: EnrollmentMode;
  minAttended?: number;
  countExcused: boolean;
};

const FIELDS = ["name", "description", "kind", "startDate", "endDate", "timezone", "capacity", "minAttended"] as const;

export function newProgramValues(): ProgramFormValues {
  const today = new Date().toISOString().slice(0, 10);
  return {
    name: "",
    description: "",
    kind: "reading_group",
    startDate: today,
    endDate: today,
    timezone: browserTimeZone(),
    capacity: "",
    enrollmentMode: "open",
    minAttended: "",
    countExcused: true,
  };
}

function toArgs(v: ProgramFormValues): ProgramArgs {
  return {
    name: v.name,
    description: v.description.trim() === "" ? undefined : v.description,
    kind: v.kind,
    startDate: v.startDate,
    endDate: v.endDate,
    timezone: v.timezone,
    capacity: v.capacity.trim() === "" ? undefined : Number(v.capacity),
    enrollmentMode: v.enrollmentMode,
    minAttended: v.minAttended.trim() === "" ? undefined : Number(v.minAttended),
    countExcused: v.countExcused,
  };
}

/** Create and edit form of a program; server field errors show next to their field. */
export function ProgramForm({
  initial,
  submitLabel,
  onSubmit,
  showCriteria,
}: {
  initial: ProgramFormValues;
  submitLabel: string;
  onSubmit: (args: ProgramArgs) => Promise<void>;
  /** Completion criteria need sessions first (edit form only). */
  showCriteria: boolean;
}) {
  const [values, setValues] = useState(initial);
  const { errors, formError, check, clear, busy, run } = useFormSubmit(FIELDS);
  const zones = useMemo(() => timeZoneOptions(initial.timezone), [initial.timezone]);
  const set = <K extends keyof ProgramFormValues>(key: K, value: ProgramFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (check({ name: values.name.trim() === "" ? "Name is required." : undefined }, form)) return;
    await run(form, () => onSubmit(toArgs(values)));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-5">
      <FormAlert message={formError} />
      <Field label="Name" error={errors.name}>
        {(p) => (
          <Input
            {...p}
            value={values.name}
            maxLength={PROGRAM_LIMITS.name}
            onChange={(e) => set("name", e.target.value)}
          />
        )}
      </Field>
      <Field label="Description" optional error={errors.description} hint="Markdown: **bold**, lists, links.">
        {(p) => (
          <Textarea {...p} rows={4} value={values.description} onChange={(e) => set("description", e.target.value)} />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <NativeSelect {...p} value={values.kind} onChange={(e) => set("kind", e.target.value as ProgramKind)}>
              {PROGRAM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PROGRAM_KIND_LABELS[k]}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Enrollment" error={errors.enrollmentMode}>
          {(p) => (
            <NativeSelect
              {...p}
              value={values.enrollmentMode}
              onChange={(e) => set("enrollmentMode", e.target.value as EnrollmentMode)}
            >
              {ENROLLMENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {ENROLLMENT_MODE_LABELS[m]}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Start date" error={errors.startDate}>
          {(p) => (
            <Input {...p} type="date" value={values.startDate} onChange={(e) => set("startDate", e.target.value)} />
          )}
        </Field>
        <Field label="End date" error={errors.endDate}>
          {(p) => <Input {...p} type="date" value={values.endDate} onChange={(e) => set("endDate", e.target.value)} />}
        </Field>
        <Field label="Timezone" error={errors.timezone} hint="Session times are kept in this zone.">
          {(p) => (
            <NativeSelect {...p} value={values.timezone} onChange={(e) => set("timezone", e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {timeZoneLabel(z)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Capacity" optional error={errors.capacity} hint="Participants at most.">
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              value={values.capacity}
              onChange={(e) => set("capacity", e.target.value)}
            />
          )}
        </Field>
      </div>
      {showCriteria ? (
        <div className="grid gap-4 rounded-lg border p-4">
          <Field
            label="Sessions to attend to complete"
            optional
            error={errors.minAttended}
            hint="Leave empty to require every session."
          >
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={values.minAttended}
                onChange={(e) => set("minAttended", e.target.value)}
              />
            )}
          </Field>
          <Choice
            checked={values.countExcused}
            onChange={(c) => set("countExcused", c)}
            label="Excused absences count as attended"
          />
        </div>
      ) : null}
      <div>
        <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
