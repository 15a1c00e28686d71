import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { checkName, LIMITS } from "~/lib/validation";
import { useUpdateNameMutation } from "~/components/auth/data";

const FIELDS = ["name"] as const;

/** Renames the signed-in user (the name shown to everyone across the app). */
export function DisplayNameForm({ name }: { name: string }) {
  const updateName = useUpdateNameMutation();
  const [value, setValue] = useState(name);
  const { errors, formError, check, clear, busy, saved, setSaved, run } = useFormSubmit(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (check({ name: checkName(value) }, form)) return;
    setSaved(false);
    await run(form, () => updateName.mutateAsync({ name: value.trim() }));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-3">
      <FormAlert message={formError} />
      <Field label="Display name" error={errors.name}>
        {(p) => (
          <div className="flex flex-col gap-2 sm:flex-row lg:flex-col">
            <Input
              {...p}
              name="name"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setSaved(false);
                clear("name");
              }}
              maxLength={LIMITS.name}
              autoComplete="name"
            />
            <SubmitButton busy={busy} variant="secondary" disabled={value.trim() === name}>
              Save name
            </SubmitButton>
          </div>
        )}
      </Field>
      <p role="status" className="text-success text-xs empty:hidden">
        {saved ? "Name saved." : ""}
      </p>
    </form>
  );
}
