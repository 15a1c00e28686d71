import { Eye, Loader2, PenLine, Send } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { TimeZonePicker } from "~/components/forms/time-zone-picker";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { Textarea } from "~/components/ui/textarea";
import { addMinutesToLocal } from "~/lib/time";
import { cn } from "~/lib/utils";
import { EventDescription } from "./event-description";
import { pastReminders, ReminderChoices, startInstant } from "./event-form-reminders";
import {
  describeWhen,
  eventFormErrors,
  FIELDS,
  LIMITS,
  toArgs,
  type EventFieldsArgs,
  type EventFormValues,
  type SubmitIntent,
} from "./event-form-values";
import { EVENT_TYPES, type EventType } from "./types";
import { useNow } from "./use-now";

/**
 * The create / edit form of an event. Times are typed as wall-clock times in the chosen zone;
 * the server converts them (and rejects times that don't exist there). `intents` are the
 * buttons: "Save draft" + "Publish" for drafts, "Save changes" for published events.
 */
export function EventForm({
  initial,
  intents,
  onSubmit,
  onCancel,
  savedReminders = [],
}: {
  initial: EventFormValues;
  /** The reminders the saved event already has (they stay even once past, as on the server). */
  savedReminders?: number[];
  intents: SubmitIntent[];
  /** Throws (a ConvexError) to show an error; resolves when saved. */
  onSubmit: (args: EventFieldsArgs, intent: SubmitIntent) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [intent, setIntent] = useState<SubmitIntent>();
  const [preview, setPreview] = useState(false);
  const { errors, formError, check, clear, busy, run } = useFormSubmit(FIELDS);
  const submitting = busy ? intent : null;

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Moving the start moves the end with it, keeping the duration.
      if (key === "startLocal" && typeof value === "string" && v.startLocal && v.endLocal) {
        const duration = (Date.parse(`${v.endLocal}:00Z`) - Date.parse(`${v.startLocal}:00Z`)) / 60_000;
        if (Number.isFinite(duration) && duration > 0 && value !== "")
          next.endLocal = addMinutesToLocal(value, duration);
      }
      return next;
    });
    clear(key);
    if (key === "startLocal") clear("endLocal");
  };

  const toggleReminder = (minutes: number, on: boolean) => {
    set("notifyBefore", on ? [...values.notifyBefore, minutes] : values.notifyBefore.filter((m) => m !== minutes));
  };
  // Reminders whose time has passed can't be ticked (the server refuses them too).
  const now = useNow();
  const past = pastReminders(startInstant(values.startLocal, values.timezone), savedReminders, now);

  async function submit(intent: SubmitIntent, form: HTMLFormElement) {
    if (check(eventFormErrors(values), form)) return;
    setIntent(intent);
    const args = toArgs({ ...values, notifyBefore: values.notifyBefore.filter((m) => !past.has(m)) });
    await run(form, () => onSubmit(args, intent));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = (submitter?.value as SubmitIntent | undefined) ?? intents[intents.length - 1]!;
    void submit(intent, event.currentTarget);
  }

  const when = describeWhen(values);

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-6" aria-label="Event details">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}

      <Field label="Title" error={errors.title}>
        {(props) => (
          <Input
            {...props}
            name="title"
            value={values.title}
            maxLength={LIMITS.title + 20}
            onChange={(e) => set("title", e.target.value)}
            placeholder="e.g. Interpretability reading group: induction heads"
            className="text-base font-medium"
          />
        )}
      </Field>

      <div className="grid gap-2">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium" id="description-label">
            Description <span className="text-muted-foreground font-normal">(optional, markdown)</span>
          </span>
          <div role="group" aria-label="Editor mode" className="bg-muted inline-flex rounded-md p-0.5 text-xs">
            <button
              type="button"
              aria-pressed={!preview}
              onClick={() => setPreview(false)}
              className={cn(
                "inline-flex items-center gap-1 rounded px-2 py-1 font-medium",
                !preview && "bg-background shadow-xs",
              )}
            >
              <PenLine className="size-3.5" aria-hidden="true" />
              Write
            </button>
            <button
              type="button"
              aria-pressed={preview}
              onClick={() => setPreview(true)}
              className={cn(
                "inline-flex items-center gap-1 rounded px-2 py-1 font-medium",
                preview && "bg-background shadow-xs",
              )}
            >
              <Eye className="size-3.5" aria-hidden="true" />
              Preview
            </button>
          </div>
        </div>
        {preview ? (
          <div className="min-h-32 rounded-md border px-3 py-2" aria-label="Preview" role="region">
            {values.description.trim() ? (
              <EventDescription markdown={values.description} />
            ) : (
              <p className="text-muted-foreground text-sm">Nothing to preview yet.</p>
            )}
          </div>
        ) : (
          <Field
            label={<span className="sr-only">Description</span>}
            error={errors.description}
            hint="**bold**, _italic_, [links](https://…), lists with -. HTML is shown as text."
          >
            {(props) => (
              <Textarea
                {...props}
                name="description"
                value={values.description}
                onChange={(e) => set("description", e.target.value)}
                className="min-h-32"
                placeholder="What will happen, who it's for, what to bring…"
              />
            )}
          </Field>
        )}
        {preview && errors.description ? (
          <p role="alert" className="text-destructive text-sm">
            {errors.description}
          </p>
        ) : null}
      </div>

      <Field label="Type" error={errors.eventType} className="sm:max-w-xs">
        {(props) => (
          <NativeSelect
            {...props}
            name="eventType"
            value={values.eventType}
            onChange={(e) => set("eventType", e.target.value as EventType)}
          >
            {EVENT_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>

      <fieldset className="grid gap-4 rounded-xl border p-4">
        <legend className="px-1 text-sm font-semibold">When</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Starts" error={errors.startLocal}>
            {(props) => (
              <Input
                {...props}
                type="datetime-local"
                name="startLocal"
                value={values.startLocal}
                onChange={(e) => set("startLocal", e.target.value)}
              />
            )}
          </Field>
          <Field label="Ends" error={errors.endLocal}>
            {(props) => (
              <Input
                {...props}
                type="datetime-local"
                name="endLocal"
                value={values.endLocal}
                min={values.startLocal || undefined}
                onChange={(e) => set("endLocal", e.target.value)}
              />
            )}
          </Field>
        </div>
        {when ? (
          <p className="text-muted-foreground -mt-1 text-sm" data-testid="when-preview">
            {when}
          </p>
        ) : null}
        <Field
          label="Time zone"
          error={errors.timezone}
          hint="Times above are in this zone. Attendees elsewhere also see their own local time."
        >
          {(props) => (
            <TimeZonePicker
              {...props}
              name="timezone"
              value={values.timezone}
              onChange={(zone) => set("timezone", zone)}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border p-4">
        <legend className="px-1 text-sm font-semibold">Where</legend>
        <Field label="Venue" optional error={errors.venue}>
          {(props) => (
            <Input
              {...props}
              name="venue"
              value={values.venue}
              onChange={(e) => set("venue", e.target.value)}
              placeholder="e.g. Impact Hub Berlin, Rollbergstraße 28A"
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Location link" optional error={errors.locationUrl} hint="A map link for the venue.">
            {(props) => (
              <Input
                {...props}
                type="url"
                inputMode="url"
                name="locationUrl"
                value={values.locationUrl}
                onChange={(e) => set("locationUrl", e.target.value)}
                placeholder="https://maps.example.com/…"
              />
            )}
          </Field>
          <Field label="Online link" optional error={errors.onlineUrl} hint="Shown only to people going (and admins).">
            {(props) => (
              <Input
                {...props}
                type="url"
                inputMode="url"
                name="onlineUrl"
                value={values.onlineUrl}
                onChange={(e) => set("onlineUrl", e.target.value)}
                placeholder="https://meet.example.com/…"
              />
            )}
          </Field>
        </div>
      </fieldset>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          label="Capacity"
          optional
          error={errors.capacity}
          hint="When it's full, new RSVPs join a waitlist. Empty = no limit."
        >
          {(props) => (
            <Input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              name="capacity"
              value={values.capacity}
              onChange={(e) => set("capacity", e.target.value)}
              placeholder="No limit"
            />
          )}
        </Field>
        <ReminderChoices
          value={values.notifyBefore}
          past={past}
          error={errors.notifyBefore}
          onToggle={toggleReminder}
        />
      </div>

      <div className="flex flex-col-reverse gap-2 border-t pt-6 sm:flex-row sm:justify-end">
        <Button type="button" variant="ghost" onClick={onCancel} disabled={submitting !== null}>
          Cancel
        </Button>
        {intents.includes("draft") ? (
          <Button type="submit" value="draft" variant="outline" disabled={submitting !== null}>
            {submitting === "draft" ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            Save draft
          </Button>
        ) : null}
        {intents.includes("publish") ? (
          <Button type="submit" value="publish" disabled={submitting !== null}>
            {submitting === "publish" ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <Send aria-hidden="true" />
            )}
            Publish
          </Button>
        ) : null}
        {intents.includes("save") ? (
          <Button type="submit" value="save" disabled={submitting !== null}>
            {submitting === "save" ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            Save changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}
