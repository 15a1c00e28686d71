import { useState, type FormEvent } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { useMembers } from "~/components/orgs/data";
import { Button } from "~/components/ui/button";
import { NativeSelect } from "~/components/ui/native-select";
import type { Id } from "@convex/_generated/dataModel";
import { useAddParticipantMutation, useRemoveParticipantMutation, type MatrixData } from "./data";

/** Applications to approve or decline, and adding an org member by hand. */
export function CohortPanel({
  orgId,
  programId,
  matrix,
}: {
  orgId: Id<"organizations">;
  programId: Id<"programs">;
  matrix: MatrixData;
}) {
  const add = useAddParticipantMutation();
  const remove = useRemoveParticipantMutation();
  const members = useMembers(orgId, "", 100);
  const { errors, formError, busy, run } = useFormSubmit(["userId"]);
  const [userId, setUserId] = useState("");
  const enrolled = new Set(matrix.participants.map((p) => p.userId as string));
  const candidates = members.results.filter((m) => !enrolled.has(m.userId));

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (userId === "") return;
    await run(event.currentTarget, async () => {
      await add.mutateAsync({ orgId, programId, userId: userId as Id<"users"> });
      setUserId("");
    });
  }

  return (
    <div className="grid gap-6">
      {matrix.applications.length > 0 ? (
        <section aria-labelledby="applications-heading" className="grid gap-2">
          <h4 id="applications-heading" className="font-semibold">
            Applications
          </h4>
          <ul className="divide-y rounded-lg border">
            {matrix.applications.map((a) => (
              <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="font-medium">{a.name}</span>
                <span className="flex gap-2">
                  <Button size="sm" onClick={() => void add.mutateAsync({ orgId, programId, userId: a.userId })}>
                    Approve
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    onClick={() => void remove.mutateAsync({ orgId, programId, userId: a.userId })}
                  >
                    Decline
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form
        onSubmit={handleAdd}
        className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
        aria-label="Add participant"
      >
        <FormAlert message={formError} />
        <Field label="Add a member" error={errors.userId}>
          {(p) => (
            <NativeSelect {...p} value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">Choose a member…</option>
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <SubmitButton busy={busy} disabled={userId === ""}>
          Add
        </SubmitButton>
      </form>
    </div>
  );
}
