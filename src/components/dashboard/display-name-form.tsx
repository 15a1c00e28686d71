import { useConvexMutation } from "@convex-dev/react-query";
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { checkName, LIMITS } from "~/lib/validation";
import { api } from "../../../convex/_generated/api";

const FIELDS = ["name"] as const;

/** Renames the signed-in user (the name shown to everyone across the app). */
export function DisplayNameForm({ name }: { name: string }) {
  const updateName = useConvexMutation(api.users.mutations.updateName);
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, formError, fail, check, clear } = useFormErrors(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (check({ name: checkName(value) }, form)) return;
    setBusy(true);
    setSaved(false);
    try {
      await updateName({ name: value.trim() });
      setSaved(true);
    } catch (error) {
      fail(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-3">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
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
            <Button type="submit" variant="secondary" disabled={busy || value.trim() === name}>
              {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Save name
            </Button>
          </div>
        )}
      </Field>
      <p role="status" className="text-success text-xs empty:hidden">
        {saved ? "Name saved." : ""}
      </p>
    </form>
  );
}
