import { useState, type FormEvent } from "react";

import { Choice } from "~/components/forms/choice";
import { FormAlert } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { useUpdatePrivacyMutation } from "./data";

export type Privacy = {
  headline: boolean;
  location: boolean;
  skills: boolean;
  careerStage: boolean;
  email: boolean;
  guestList?: boolean;
};

/** Mirrors convex/profiles/model.ts: what a member has before saving any settings. */
export const DEFAULT_PRIVACY: Privacy = {
  headline: true,
  location: false,
  skills: true,
  careerStage: true,
  email: false,
  guestList: true,
};

const NO_FIELDS: readonly string[] = [];

const PRIVACY_FIELDS: { key: Exclude<keyof Privacy, "guestList">; label: string }[] = [
  { key: "headline", label: "Headline" },
  { key: "location", label: "Location" },
  { key: "skills", label: "Skills" },
  { key: "careerStage", label: "Career stage" },
  { key: "email", label: "Email address" },
];

/**
 * Each choice saves itself the moment it changes (the latest state wins), so there is nothing to
 * lose by leaving the page or by saving the notification settings below.
 */
export function PrivacyForm({ initial, initialShareLocation }: { initial: Privacy; initialShareLocation: boolean }) {
  const update = useUpdatePrivacyMutation();
  const [privacy, setPrivacy] = useState(initial);
  const [shareLocation, setShareLocation] = useState(initialShareLocation);
  // Privacy has no field errors: whatever the server says shows at the top.
  const save = useFormSubmit(NO_FIELDS);

  function saveNow(next: { privacy: Privacy; shareLocation: boolean }) {
    setPrivacy(next.privacy);
    setShareLocation(next.shareLocation);
    save.setSaved(false);
    save.reset();
    void save.run(null, () =>
      update.mutateAsync({ privacy: next.privacy, shareLocationForSuggestions: next.shareLocation }),
    );
  }

  return (
    <form onSubmit={(event: FormEvent) => event.preventDefault()} className="grid gap-6" aria-label="Privacy">
      <FormAlert message={save.formError} />
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-semibold">What admins of your organizations can see</legend>
        <p className="text-muted-foreground -mt-1 mb-1 text-xs">
          Your name is always visible to them. Fellow members only see your name.
        </p>
        {PRIVACY_FIELDS.map(({ key, label }) => (
          <Choice
            key={key}
            label={label}
            checked={privacy[key]}
            onChange={(checked) => saveNow({ privacy: { ...privacy, [key]: checked }, shareLocation })}
          />
        ))}
      </fieldset>
      <fieldset className="grid gap-3 border-t pt-5">
        <legend className="sr-only">Guest lists</legend>
        <Choice
          label="Show me on guest lists"
          description="On by default. Fellow members see your name and picture among the people going to an event. When off, you're only counted."
          checked={privacy.guestList !== false}
          onChange={(checked) => saveNow({ privacy: { ...privacy, guestList: checked }, shareLocation })}
        />
      </fieldset>
      <fieldset className="grid gap-3 border-t pt-5">
        <legend className="sr-only">Organization suggestions</legend>
        <Choice
          label="Share my location for org suggestions"
          description="Off by default. When on, we use the city and country on your profile to suggest public organizations near you on your home page. Admins still only see your location if you tick it above."
          checked={shareLocation}
          onChange={(checked) => saveNow({ privacy, shareLocation: checked })}
        />
      </fieldset>
      <p role="status" className="text-muted-foreground min-h-5 text-sm" data-testid="privacy-status">
        {save.busy ? (
          "Saving…"
        ) : save.saved ? (
          <span className="text-success">Saved.</span>
        ) : (
          "Changes save automatically."
        )}
      </p>
    </form>
  );
}
