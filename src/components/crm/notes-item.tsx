import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { Field } from "~/components/forms/field";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/textarea";
import type { Id } from "@convex/_generated/dataModel";
import { CRM_RECORD_LIMITS } from "@convex/lib/vocabulary";
import { useDeleteNoteMutation, useUpdateNoteMutation } from "./data";
import type { TimelineEntry } from "./record-timeline";
import { formatTimestamp } from "~/lib/time";

type Note = NonNullable<TimelineEntry["note"]>;
const FIELDS = ["body"] as const;

/** A note on the timeline: its author and time; the author may edit or delete it. */
export function NoteItem({ orgId, note }: { orgId: Id<"organizations">; note: Note }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deleteNote = useDeleteNoteMutation();
  return (
    <article aria-label={`Note by ${note.authorName}`} className="bg-muted/40 mt-1 rounded-lg border px-3 py-2">
      <p className="text-muted-foreground text-xs">
        Note by <span className="text-foreground font-medium">{note.authorName}</span>
        {note.updatedAt !== null ? ` · edited ${formatTimestamp(note.updatedAt)}` : null}
      </p>
      {editing ? (
        <EditNote orgId={orgId} note={note} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap">{note.body}</p>
          {note.mine ? (
            <div className="mt-1 flex gap-1">
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
                Edit note
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
                Delete note
              </Button>
            </div>
          ) : null}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this note?"
        description="It disappears from the record for every admin. This cannot be undone."
        confirmLabel="Delete note"
        destructive
        onConfirm={async () => {
          await deleteNote.mutateAsync({ orgId, noteId: note._id });
        }}
      />
    </article>
  );
}

function EditNote({ orgId, note, onDone }: { orgId: Id<"organizations">; note: Note; onDone: () => void }) {
  const [body, setBody] = useState(note.body);
  const updateNote = useUpdateNoteMutation();
  const { errors, formError, run, busy, check, clear } = useFormSubmit(FIELDS);
  const max = CRM_RECORD_LIMITS.noteBody;
  return (
    <form
      noValidate
      className="mt-2 grid gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const text = body.trim();
        if (
          check(
            {
              body:
                text === ""
                  ? "A note cannot be empty."
                  : text.length > max
                    ? `Keep it under ${max} characters.`
                    : undefined,
            },
            form,
          )
        )
          return;
        await run(form, async () => {
          await updateNote.mutateAsync({ orgId, noteId: note._id, body: text });
          onDone();
        });
      }}
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Edit note" error={errors.body} hint={`${body.length}/${max}`}>
        {(props) => (
          <Textarea
            {...props}
            rows={3}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              clear("body");
            }}
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={busy} aria-busy={busy}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
