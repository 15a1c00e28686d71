import { useState } from "react";

import { Field } from "~/components/forms/field";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/textarea";
import type { Id } from "@convex/_generated/dataModel";
import { CRM_RECORD_LIMITS } from "@convex/lib/vocabulary";
import { useAddNoteMutation } from "./data";

const FIELDS = ["body"] as const;

/** Adds a private admin note; it appears at the top of the timeline as soon as it is saved. */
export function NotesComposer({ orgId, userId }: { orgId: Id<"organizations">; userId: Id<"users"> }) {
  const [body, setBody] = useState("");
  const addNote = useAddNoteMutation();
  const { errors, formError, run, busy, check, clear } = useFormSubmit(FIELDS);
  const max = CRM_RECORD_LIMITS.noteBody;

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const text = body.trim();
        const invalid = check(
          {
            body:
              text === ""
                ? "Write the note first."
                : text.length > max
                  ? `Keep it under ${max} characters.`
                  : undefined,
          },
          form,
        );
        if (invalid) return;
        await run(form, async () => {
          await addNote.mutateAsync({ orgId, userId, body: text });
          setBody("");
        });
      }}
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Add a note" error={errors.body} hint={`Only this org's admins see notes. ${body.length}/${max}`}>
        {(props) => (
          <Textarea
            {...props}
            rows={3}
            value={body}
            maxLength={max + 100}
            placeholder="What should other admins know?"
            onChange={(e) => {
              setBody(e.target.value);
              clear("body");
            }}
          />
        )}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={busy} aria-busy={busy}>
          Save note
        </Button>
      </div>
    </form>
  );
}
