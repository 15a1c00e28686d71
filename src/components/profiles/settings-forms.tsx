import { useConvexMutation } from "@convex-dev/react-query";
import { Loader2 } from "lucide-react";
import { useId, useState, type FormEvent, type ReactNode } from "react";

import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { toFormError } from "~/lib/errors";
import { cn } from "~/lib/utils";
import { api } from "../../../convex/_generated/api";

export type Privacy = { headline: boolean; location: boolean; skills: boolean; careerStage: boolean; email: boolean };

/** Mirrors convex/profiles/model.ts: what a member has before saving any settings. */
export const DEFAULT_PRIVACY: Privacy = { headline: true, location: false, skills: true, careerStage: true, email: false };

function CheckRow({
  checked,
  onChange,
  label,
  description,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={cn("flex items-start gap-3", disabled && "opacity-60")}>
      <Checkbox
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-description` : undefined}
        className="mt-0.5"
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className="cursor-pointer text-sm font-medium">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="text-muted-foreground text-xs">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function useSave() {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      await action();
      setSaved(true);
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setBusy(false);
    }
  }
  return { busy, saved, error, run, touch: () => setSaved(false), setError };
}

function SaveBar({ busy, saved, label }: { busy: boolean; saved: boolean; label: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={busy}>
        {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
        {label}
      </Button>
      <p role="status" className="text-success text-sm">
        {saved ? "Saved." : ""}
      </p>
    </div>
  );
}

const PRIVACY_FIELDS: { key: keyof Privacy; label: string }[] = [
  { key: "headline", label: "Headline" },
  { key: "location", label: "Location" },
  { key: "skills", label: "Skills" },
  { key: "careerStage", label: "Career stage" },
  { key: "email", label: "Email address" },
];

export function PrivacyForm({ initial, initialShareLocation }: { initial: Privacy; initialShareLocation: boolean }) {
  const update = useConvexMutation(api.profiles.mutations.updatePrivacy);
  const [privacy, setPrivacy] = useState(initial);
  const [shareLocation, setShareLocation] = useState(initialShareLocation);
  const save = useSave();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save.run(() => update({ privacy, shareLocationForSuggestions: shareLocation }));
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-6">
      {save.error ? (
        <Alert variant="destructive">
          <AlertDescription>{save.error}</AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-semibold">What admins of your organizations can see</legend>
        <p className="text-muted-foreground -mt-1 mb-1 text-xs">
          Your name is always visible to them. Fellow members only see your name.
        </p>
        {PRIVACY_FIELDS.map(({ key, label }) => (
          <CheckRow
            key={key}
            label={label}
            checked={privacy[key]}
            onChange={(checked) => {
              save.touch();
              setPrivacy((p) => ({ ...p, [key]: checked }));
            }}
          />
        ))}
      </fieldset>
      <fieldset className="grid gap-3 border-t pt-5">
        <legend className="sr-only">Organization suggestions</legend>
        <CheckRow
          label="Share my location for org suggestions"
          description="Off by default. When on, we use the city and country on your profile to suggest public organizations near you on your home page. Admins still only see your location if you tick it above."
          checked={shareLocation}
          onChange={(checked) => {
            save.touch();
            setShareLocation(checked);
          }}
        />
      </fieldset>
      <SaveBar busy={save.busy} saved={save.saved} label="Save privacy settings" />
    </form>
  );
}
