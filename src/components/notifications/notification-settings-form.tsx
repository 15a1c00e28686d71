import { Link } from "@tanstack/react-router";
import { useId, useState, type FormEvent, type ReactNode } from "react";

import { Choice } from "~/components/forms/choice";
import { FormAlert, SaveBar } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/utils";
import {
  DEFAULT_REMINDER_TIMES,
  defaultNotificationPreferences,
  EVENT_TYPE_LABELS,
  type NotificationPreferences,
  EVENT_TYPES,
  type EventType,
  REMINDER_OFFSET_LABELS,
  REMINDER_OFFSETS,
} from "@convex/lib/vocabulary";
import { useUpdateNotificationPreferencesMutation } from "./data";
import type { AnnouncementMode, NotificationSettings } from "./labels";

export type { NotificationPreferences };
export { defaultNotificationPreferences };

export const REMINDER_OPTIONS = REMINDER_OFFSETS.map((minutes) => ({
  minutes,
  label: REMINDER_OFFSET_LABELS[minutes],
}));

const ANNOUNCEMENT_OPTIONS: { value: AnnouncementMode; label: string; description: string }[] = [
  {
    value: "all",
    label: "All (email at once)",
    description: "An email as soon as one of your organizations publishes an event.",
  },
  { value: "digest", label: "Weekly digest", description: "One email each Monday with the coming week's events." },
  { value: "none", label: "None", description: "Find new events on your home page instead." },
];

const EVENT_TYPE_OPTIONS = EVENT_TYPES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] }));
const ALL_TYPES: EventType[] = [...EVENT_TYPES];

const REMINDER_FIELD = "eventReminders.reminderTimes";
const TYPES_FIELD = "eventTypes";
const FIELDS = [REMINDER_FIELD, TYPES_FIELD] as const;

type Values = {
  remindersOn: boolean;
  reminderTimes: number[];
  announcements: AnnouncementMode;
  eventTypes: EventType[];
  orgAnnouncements: boolean;
};

function toValues(prefs: NotificationPreferences, settings: NotificationSettings): Values {
  const reminders = prefs.eventReminders ?? { enabled: true, reminderTimes: [...DEFAULT_REMINDER_TIMES] };
  // "digest" with the seed's weekly digest switched off sends nothing: show it as it behaves.
  const announcements =
    settings.announcements === "digest" && !prefs.weeklyDigest.enabled ? "none" : settings.announcements;
  return {
    remindersOn: reminders.enabled,
    reminderTimes: reminders.reminderTimes,
    announcements,
    eventTypes: settings.eventTypes ?? ALL_TYPES,
    orgAnnouncements: prefs.orgAnnouncements?.enabled ?? true,
  };
}

/** A fieldset whose error shows under its options and is announced with the group. */
function Group({
  legend,
  hint,
  error,
  disabled,
  className,
  children,
  name,
}: {
  legend: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
  /** The error's field, for focusing the first invalid group. */
  name?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={cn("grid gap-2.5 outline-none", className)}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      // form.elements.namedItem(field) finds the group, so the first invalid one takes focus.
      name={name}
      tabIndex={name ? -1 : undefined}
    >
      {/* Floated, the legend renders inside the group (not on its border) as its first row. */}
      <legend className="float-left mb-0.5 w-full p-0 text-sm font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted-foreground -mt-2 text-xs">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The notifications part of /settings. Until the member edits it, it shows the saved settings
 * live (an unsubscribe link used elsewhere shows here at once); edits are a draft until saved.
 */
export function NotificationSettingsForm({
  preferences,
  settings,
  timezone,
}: {
  preferences: NotificationPreferences;
  settings: NotificationSettings;
  /** The member's time zone (the profile's): email times use it. */
  timezone: string;
}) {
  const update = useUpdateNotificationPreferencesMutation();
  const saved = toValues(preferences, settings);
  const [draft, setDraft] = useState<Values | null>(null);
  const {
    errors,
    formError,
    check,
    clear,
    reset,
    busy,
    saved: savedNote,
    setSaved: setSavedNote,
    run,
  } = useFormSubmit(FIELDS);
  const values = draft ?? saved;

  function edit(next: Partial<Values>, field?: (typeof FIELDS)[number]) {
    setSavedNote(false);
    if (field) clear(field);
    setDraft({ ...values, ...next });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSavedNote(false);
    const typesMatter = values.announcements !== "none";
    const invalid = check(
      {
        [REMINDER_FIELD]:
          values.remindersOn && values.reminderTimes.length === 0
            ? "Choose at least one reminder time, or turn reminders off."
            : undefined,
        [TYPES_FIELD]:
          typesMatter && values.eventTypes.length === 0
            ? "Choose at least one event type, or set new-event announcements to None."
            : undefined,
      },
      form,
    );
    if (invalid) return;
    await run(form, async () => {
      await update.mutateAsync({
        preferences: {
          ...preferences,
          timezone,
          // The weekly digest email goes to members who chose it.
          weeklyDigest: { enabled: values.announcements === "digest" },
          eventReminders: { enabled: values.remindersOn, reminderTimes: values.reminderTimes },
          orgAnnouncements: { enabled: values.orgAnnouncements },
        },
        announcements: values.announcements,
        ...(values.eventTypes.length === 0
          ? {}
          : { eventTypes: values.eventTypes.length === ALL_TYPES.length ? null : values.eventTypes }),
      });
      reset();
      setDraft(null);
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-6" aria-label="Notification settings" noValidate>
      <FormAlert message={formError} />

      <div className="grid gap-3">
        <Choice
          label="Event reminders"
          description="Email me before events I've said I'm going (or might go) to. Changes apply to reminders already scheduled."
          checked={values.remindersOn}
          onChange={(remindersOn) => edit({ remindersOn }, REMINDER_FIELD)}
        />
        <Group
          legend="Remind me"
          name={REMINDER_FIELD}
          error={errors[REMINDER_FIELD]}
          disabled={!values.remindersOn}
          className={cn(
            "ml-7 rounded-lg border p-3 sm:p-4",
            !values.remindersOn && "bg-muted/40",
            errors[REMINDER_FIELD] && "border-destructive/60",
          )}
        >
          <div className="grid gap-2.5 sm:grid-cols-2">
            {REMINDER_OPTIONS.map((option) => (
              <Choice
                key={option.minutes}
                label={option.label}
                disabled={!values.remindersOn}
                checked={values.reminderTimes.includes(option.minutes)}
                onChange={(checked) => {
                  const times = checked
                    ? [...values.reminderTimes, option.minutes]
                    : values.reminderTimes.filter((m) => m !== option.minutes);
                  edit({ reminderTimes: [...new Set(times)].sort((a, b) => b - a) }, REMINDER_FIELD);
                }}
              />
            ))}
          </div>
        </Group>
        <p className="text-muted-foreground ml-7 text-xs">
          Times in emails use your time zone,{" "}
          <span className="text-foreground font-medium">{timezone.replace(/_/g, " ")}</span> (
          <Link to="/profile" className="text-primary underline-offset-4 hover:underline">
            change it on your profile
          </Link>
          ). An event's organizers choose which reminders it has.
        </p>
      </div>

      <Group
        legend="New-event announcements"
        hint="When one of your organizations publishes an event."
        className="border-t pt-5"
      >
        <div className="grid gap-2.5">
          {ANNOUNCEMENT_OPTIONS.map((option) => (
            <Choice
              key={option.value}
              type="radio"
              name="announcements"
              label={option.label}
              description={option.description}
              checked={values.announcements === option.value}
              onChange={(checked) => {
                if (checked) edit({ announcements: option.value }, TYPES_FIELD);
              }}
            />
          ))}
        </div>
      </Group>

      <Group
        legend="Event types to hear about"
        hint={
          values.announcements === "none"
            ? "Used when announcements are on."
            : "Announcements and the digest only include these."
        }
        name={TYPES_FIELD}
        error={errors[TYPES_FIELD]}
        className="border-t pt-5"
      >
        <div className="grid grid-cols-2 gap-2.5 sm:grid-cols-3">
          {EVENT_TYPE_OPTIONS.map((option) => (
            <Choice
              key={option.value}
              label={option.label}
              checked={values.eventTypes.includes(option.value)}
              onChange={(checked) => {
                const types = checked
                  ? [...values.eventTypes, option.value]
                  : values.eventTypes.filter((t) => t !== option.value);
                edit({ eventTypes: ALL_TYPES.filter((t) => types.includes(t)) }, TYPES_FIELD);
              }}
            />
          ))}
        </div>
      </Group>

      <Group legend="From your organizations" className="border-t pt-5">
        <Choice
          label="Organization announcements"
          description="News and new events from the admins of your organizations. Off: only reminders and changes to events you're going to."
          checked={values.orgAnnouncements}
          onChange={(orgAnnouncements) => edit({ orgAnnouncements })}
        />
      </Group>

      <SaveBar
        busy={busy}
        label="Save notification settings"
        status={savedNote ? "Saved." : ""}
        className="border-t pt-5"
      >
        {draft !== null && !busy ? (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setDraft(null);
              reset();
            }}
          >
            Discard changes
          </Button>
        ) : null}
      </SaveBar>
    </form>
  );
}
