import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SaveBar } from "~/components/forms/form-parts";
import { LocationFields } from "~/components/forms/location-fields";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { CAREER_STAGE_OPTIONS, type CareerStage } from "~/components/profiles/career-stages";
import { addSkill, SkillsInput } from "~/components/profiles/skills-input";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { TimeZonePicker } from "~/components/forms/time-zone-picker";
import { checkLocation, toLocation } from "~/lib/validation";
import { useUpdateMyProfileMutation } from "./data";

export type ProfileFormValues = {
  name: string;
  headline: string;
  city: string;
  country: string;
  skills: string[];
  careerStage: CareerStage | "";
  timezone: string;
};

const FIELDS = [
  "name",
  "headline",
  "location.city",
  "location.country",
  "location.lat",
  "skills",
  "careerStage",
  "timezone",
] as const;

/** The member's own profile (full replace on save). */
export function ProfileForm({ initial }: { initial: ProfileFormValues }) {
  const save = useUpdateMyProfileMutation();
  const [values, setValues] = useState(initial);
  const [pendingSkill, setPendingSkill] = useState("");
  const { errors, formError, check, clear, busy, saved, setSaved, run } = useFormSubmit(FIELDS);

  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K], field: string = key) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
    clear(field);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    let skills = values.skills;
    for (const part of pendingSkill.split(",")) skills = addSkill(skills, part);
    setPendingSkill("");
    setValues((v) => ({ ...v, skills }));
    const invalid = check(
      {
        name: values.name.trim() === "" ? "Name is required." : undefined,
        ...checkLocation(values.city, values.country, "your"),
        skills: skills.length > 20 ? "Add at most 20 skills." : undefined,
      },
      form,
    );
    if (invalid) return;
    setSaved(false);
    await run(form, () =>
      save.mutateAsync({
        name: values.name.trim(),
        headline: values.headline.trim() === "" ? undefined : values.headline.trim(),
        location: toLocation(values.city, values.country),
        skills,
        careerStage: values.careerStage === "" ? undefined : values.careerStage,
        timezone: values.timezone,
      }),
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-6" aria-busy={busy}>
      <FormAlert message={formError} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" error={errors.name}>
          {(p) => (
            <Input
              {...p}
              name="name"
              value={values.name}
              onChange={(e) => set("name", e.target.value)}
              maxLength={100}
              autoComplete="name"
              required
            />
          )}
        </Field>
        <Field
          label="Headline"
          optional
          error={errors.headline}
          hint="One line about you, e.g. “ML engineer exploring interpretability”."
        >
          {(p) => (
            <Input
              {...p}
              name="headline"
              value={values.headline}
              onChange={(e) => set("headline", e.target.value)}
              maxLength={160}
            />
          )}
        </Field>
        <LocationFields
          city={values.city}
          country={values.country}
          errors={errors}
          onCityChange={(city) => set("city", city, "location.city")}
          onCountryChange={(country) => set("country", country, "location.country")}
        />
        <Field
          label="Skills"
          optional
          error={errors.skills}
          className="sm:col-span-2"
          hint="Press Enter or type a comma to add a skill. Up to 20."
        >
          {(p) => (
            <SkillsInput
              control={p}
              value={values.skills}
              onChange={(skills) => set("skills", skills)}
              pending={pendingSkill}
              onPendingChange={setPendingSkill}
            />
          )}
        </Field>
        <Field label="Career stage" optional error={errors.careerStage}>
          {(p) => (
            <NativeSelect
              {...p}
              name="careerStage"
              value={values.careerStage}
              onChange={(e) => set("careerStage", e.target.value as CareerStage | "")}
            >
              <option value="">Prefer not to say</option>
              {CAREER_STAGE_OPTIONS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Time zone" error={errors.timezone} hint="Event times and reminders use it.">
          {(p) => (
            <TimeZonePicker {...p} name="timezone" value={values.timezone} onChange={(zone) => set("timezone", zone)} />
          )}
        </Field>
      </div>
      <SaveBar busy={busy} label="Save profile" status={saved ? "Profile saved." : ""} />
    </form>
  );
}
