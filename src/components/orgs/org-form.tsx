import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, Loader2, XCircle } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";

import { TimeZonePicker } from "~/components/forms/time-zone-picker";
import { Field } from "~/components/forms/field";
import { FormAlert, SaveBar } from "~/components/forms/form-parts";
import { LocationFields } from "~/components/forms/location-fields";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { Textarea } from "~/components/ui/textarea";
import { checkSlug, slugify } from "~/lib/slug";
import { checkEmail, checkLocation, toLocation } from "~/lib/validation";
import { slugAvailableQuery } from "./data";
import { VisibilityField } from "./visibility-field";

export type OrgFormValues = {
  name: string;
  slug: string;
  description: string;
  city: string;
  country: string;
  website: string;
  logoUrl: string;
  contactEmail: string;
  contactUrl: string;
  visibility: "public" | "private";
  joinPolicy: "open" | "request";
  /** IANA; "" on create (the server takes the creating admin's zone). */
  timezone: string;
};

/** What createOrg / updateOrg take (without slug and orgId). */
export type OrgFieldsArgs = {
  name: string;
  description?: string;
  location?: { city: string; country: string };
  website?: string;
  logoUrl?: string;
  contactEmail?: string;
  contactUrl?: string;
  visibility: "public" | "private";
  joinPolicy: "open" | "request";
  timezone?: string;
};

export const EMPTY_ORG_FORM: OrgFormValues = {
  name: "",
  slug: "",
  description: "",
  city: "",
  country: "",
  website: "",
  logoUrl: "",
  contactEmail: "",
  contactUrl: "",
  visibility: "public",
  joinPolicy: "open",
  timezone: "",
};

const FIELDS = [
  "name",
  "slug",
  "description",
  "location.city",
  "location.country",
  "location.lat",
  "website",
  "logoUrl",
  "contactEmail",
  "contactUrl",
  "visibility",
  "joinPolicy",
  "timezone",
] as const;

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

function toArgs(values: OrgFormValues): OrgFieldsArgs {
  return {
    name: values.name.trim(),
    description: optional(values.description),
    location: toLocation(values.city, values.country),
    website: optional(values.website),
    logoUrl: optional(values.logoUrl),
    contactEmail: optional(values.contactEmail),
    contactUrl: optional(values.contactUrl),
    visibility: values.visibility,
    joinPolicy: values.joinPolicy,
    timezone: optional(values.timezone),
  };
}

/**
 * The org create / settings form. In "create" mode it also asks for the address (slug),
 * suggesting one from the name and checking availability as the admin types.
 */
export function OrgForm({
  mode,
  initial = EMPTY_ORG_FORM,
  submitLabel,
  onSubmit,
}: {
  mode: "create" | "edit";
  initial?: OrgFormValues;
  submitLabel: string;
  /** Throws (a ConvexError) to show an error; resolves when saved. */
  onSubmit: (args: OrgFieldsArgs & { slug: string }) => Promise<void>;
}) {
  const [values, setValues] = useState<OrgFormValues>(initial);
  const [slugEdited, setSlugEdited] = useState(mode === "edit");
  const { errors, formError, check, clear, busy, saved, setSaved, run } = useFormSubmit(FIELDS);

  const set = <K extends keyof OrgFormValues>(key: K, value: OrgFormValues[K]) => {
    setSaved(false);
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === "name" && !slugEdited) next.slug = slugify(String(value));
      return next;
    });
    const field = key === "city" ? "location.city" : key === "country" ? "location.country" : key;
    clear(field);
    if (key === "name" && !slugEdited) clear("slug");
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const hasErrors = check(
      {
        name: values.name.trim() === "" ? "Name is required." : undefined,
        slug: mode === "create" ? checkSlug(values.slug.trim()) : undefined,
        ...checkLocation(values.city, values.country, "the"),
        contactEmail: values.contactEmail.trim() === "" ? undefined : checkEmail(values.contactEmail),
      },
      form,
    );
    if (hasErrors) return;
    await run(form, () => onSubmit({ ...toArgs(values), slug: values.slug.trim() }));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-6" aria-busy={busy}>
      <FormAlert message={formError} />

      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" error={errors.name} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="name"
              value={values.name}
              onChange={(e) => set("name", e.target.value)}
              maxLength={100}
              autoComplete="organization"
              required
            />
          )}
        </Field>

        {mode === "create" ? (
          <SlugField
            value={values.slug}
            error={errors.slug}
            onChange={(slug) => {
              setSlugEdited(true);
              set("slug", slug);
            }}
          />
        ) : null}

        <Field
          label="Description"
          optional
          error={errors.description}
          className="sm:col-span-2"
          hint="What you do, who it's for and how often you meet."
        >
          {(p) => (
            <Textarea
              {...p}
              name="description"
              rows={4}
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
              maxLength={2000}
            />
          )}
        </Field>

        <LocationFields
          city={values.city}
          country={values.country}
          errors={errors}
          onCityChange={(city) => set("city", city)}
          onCountryChange={(country) => set("country", country)}
        />

        <Field label="Website" optional error={errors.website}>
          {(p) => (
            <Input
              {...p}
              name="website"
              type="url"
              inputMode="url"
              placeholder="https://example.org"
              value={values.website}
              onChange={(e) => set("website", e.target.value)}
              autoComplete="url"
            />
          )}
        </Field>
        <Field label="Contact email" optional error={errors.contactEmail}>
          {(p) => (
            <Input
              {...p}
              name="contactEmail"
              type="email"
              inputMode="email"
              placeholder="hello@example.org"
              value={values.contactEmail}
              onChange={(e) => set("contactEmail", e.target.value)}
              autoComplete="email"
            />
          )}
        </Field>
        <Field
          label="Contact link"
          optional
          error={errors.contactUrl}
          className="sm:col-span-2"
          hint="A form, chat or page where newcomers can reach the organizers (https://…). Shown on the public page."
        >
          {(p) => (
            <Input
              {...p}
              name="contactUrl"
              type="url"
              inputMode="url"
              placeholder="https://example.org/contact"
              value={values.contactUrl}
              onChange={(e) => set("contactUrl", e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Logo URL"
          optional
          error={errors.logoUrl}
          className="sm:col-span-2"
          hint="A square image works best."
        >
          {(p) => (
            <Input
              {...p}
              name="logoUrl"
              type="url"
              inputMode="url"
              placeholder="https://example.org/logo.png"
              value={values.logoUrl}
              onChange={(e) => set("logoUrl", e.target.value)}
            />
          )}
        </Field>
      </div>

      {mode === "edit" ? (
        <Field
          label="Time zone"
          error={errors.timezone}
          className="sm:max-w-md"
          hint="New events start in this zone. Type a city or a zone name, e.g. Berlin."
        >
          {(p) => (
            <TimeZonePicker
              {...p}
              name="timezone"
              value={values.timezone || "UTC"}
              onChange={(z) => set("timezone", z)}
            />
          )}
        </Field>
      ) : null}

      <VisibilityField
        value={values.visibility}
        joinPolicy={values.joinPolicy}
        error={errors.visibility ?? errors.joinPolicy}
        onChange={(v) => set("visibility", v)}
        onJoinPolicyChange={(policy) => set("joinPolicy", policy)}
      />

      <SaveBar busy={busy} label={submitLabel} status={saved && mode === "edit" ? "Changes saved." : ""} />
    </form>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function SlugField({ value, error, onChange }: { value: string; error?: string; onChange: (slug: string) => void }) {
  const slug = value.trim();
  const debounced = useDebounced(slug, 300);
  const formatProblem = slug === "" ? undefined : checkSlug(slug);
  const checkable = debounced !== "" && checkSlug(debounced) === undefined;
  const availability = useQuery(slugAvailableQuery(checkable ? debounced : null));
  const settled = debounced === slug && checkable && availability.data !== undefined;

  let hint: React.ReactNode = "Your organization's page will live at /org/your-address.";
  if (!error && slug !== "") {
    if (formatProblem) {
      hint = <span className="text-destructive">{formatProblem}</span>;
    } else if (!settled) {
      hint = (
        <span className="inline-flex items-center gap-1">
          <Loader2 className="size-3 animate-spin" aria-hidden="true" /> Checking /org/{slug}…
        </span>
      );
    } else if (availability.data) {
      hint = (
        <span className="text-success inline-flex items-center gap-1">
          <CheckCircle2 className="size-3.5" aria-hidden="true" /> /org/{slug} is available
        </span>
      );
    } else {
      hint = (
        <span className="text-destructive inline-flex items-center gap-1">
          <XCircle className="size-3.5" aria-hidden="true" /> /org/{slug} is already taken
        </span>
      );
    }
  }

  return (
    <Field label="Address" error={error} className="sm:col-span-2" hint={<span aria-live="polite">{hint}</span>}>
      {(p) => (
        <div className="flex">
          <span className="border-input bg-muted text-muted-foreground flex items-center rounded-l-md border border-r-0 px-3 text-sm">
            /org/
          </span>
          <Input
            {...p}
            name="slug"
            value={value}
            onChange={(e) => onChange(e.target.value.toLowerCase())}
            className="rounded-l-none"
            maxLength={48}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
          />
        </div>
      )}
    </Field>
  );
}
