import { useConvexMutation } from "@convex-dev/react-query";
import { Loader2 } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { CAREER_STAGES, type CareerStage } from "~/components/profiles/career-stages";
import { addSkill, SkillsInput } from "~/components/profiles/skills-input";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { COUNTRIES } from "~/lib/countries";
import { timeZoneLabel, timeZoneOptions } from "~/lib/timezones";
import { api } from "../../../convex/_generated/api";

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
  const save = useConvexMutation(api.profiles.mutations.updateMyProfile);
  const [values, setValues] = useState(initial);
  const [pendingSkill, setPendingSkill] = useState("");
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, formError, fail, check, clear } = useFormErrors(FIELDS);
  const zones = useMemo(
    () => timeZoneOptions(initial.timezone).map((zone) => ({ zone, label: timeZoneLabel(zone) })),
    [initial.timezone],
  );

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
    const city = values.city.trim();
    const invalid = check(
      {
        name: values.name.trim() === "" ? "Name is required." : undefined,
        "location.city":
          city === "" && values.country !== "" ? "Add your city too, or clear the country." : undefined,
        "location.country": city !== "" && values.country === "" ? "Choose your country too." : undefined,
        skills: skills.length > 20 ? "Add at most 20 skills." : undefined,
      },
      form,
    );
    if (invalid) return;
    setBusy(true);
    setSaved(false);
    try {
      await save({
        name: values.name.trim(),
        headline: values.headline.trim() === "" ? undefined : values.headline.trim(),
        location: city !== "" && values.country !== "" ? { city, country: values.country } : undefined,
        skills,
        careerStage: values.careerStage === "" ? undefined : values.careerStage,
        timezone: values.timezone,
      });
      setSaved(true);
    } catch (error) {
      fail(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-6" aria-busy={busy}>
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
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
        <Field label="Headline" optional error={errors.headline} hint="One line about you, e.g. “ML engineer exploring interpretability”.">
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
        <Field label="City" optional error={errors["location.city"]}>
          {(p) => (
            <Input
              {...p}
              name="location.city"
              value={values.city}
              onChange={(e) => set("city", e.target.value, "location.city")}
              maxLength={100}
              autoComplete="address-level2"
            />
          )}
        </Field>
        <Field label="Country" optional error={errors["location.country"]}>
          {(p) => (
            <NativeSelect
              {...p}
              name="location.country"
              value={values.country}
              onChange={(e) => set("country", e.target.value, "location.country")}
            >
              <option value="">Choose a country</option>
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
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
              {CAREER_STAGES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Timezone" error={errors.timezone} hint="Event times and reminders use it.">
          {(p) => (
            <NativeSelect
              {...p}
              name="timezone"
              value={values.timezone}
              onChange={(e) => set("timezone", e.target.value)}
            >
              {zones.map(({ zone, label }) => (
                <option key={zone} value={zone}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          Save profile
        </Button>
        <p role="status" className="text-success text-sm">
          {saved ? "Profile saved." : ""}
        </p>
      </div>
    </form>
  );
}
