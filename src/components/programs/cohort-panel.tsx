import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { candidatesQuery, useAddParticipantMutation, useRemoveParticipantMutation, type MatrixData } from "./data";

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
      <AddMember orgId={orgId} programId={programId} />
    </div>
  );
}

const STATUS_TEXT = { enrolled: "In the program", pending: "Applied", left: null, declined: null } as const;

/** Search the org's members (server-side, by name or whole email) and add one. */
function AddMember({ orgId, programId }: { orgId: Id<"organizations">; programId: Id<"programs"> }) {
  const add = useAddParticipantMutation();
  const { errors, formError, run } = useFormSubmit(["userId", "search"]);
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const results = useQuery({
    ...candidatesQuery(orgId, programId, deferred),
    enabled: deferred !== "",
    placeholderData: keepPreviousData,
  });
  const searchError = results.error ? expectedErrorMessage(results.error) : errors.search;
  const rows = deferred === "" ? [] : (results.data ?? []);

  return (
    <section aria-label="Add participant" className="grid gap-3">
      <FormAlert message={formError ?? errors.userId} />
      <Field label="Add a member" hint="Search the members by name, or type a whole email address." error={searchError}>
        {(p) => (
          <Input
            {...p}
            type="search"
            value={search}
            autoComplete="off"
            placeholder="Name or email…"
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
      </Field>
      {deferred !== "" && results.isSuccess && rows.length === 0 ? (
        <p className="text-muted-foreground text-sm">No member matches “{deferred}”.</p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="divide-y rounded-lg border" aria-label="Matching members">
          {rows.map((m) => {
            const note = m.status === null ? null : STATUS_TEXT[m.status];
            return (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="font-medium">{m.name}</span>
                {m.status === "enrolled" ? (
                  <span className="text-muted-foreground text-sm">{note}</span>
                ) : (
                  <Button
                    size="sm"
                    variant="outline"
                    aria-label={`Add ${m.name}`}
                    disabled={add.isPending}
                    onClick={() => void run(null, () => add.mutateAsync({ orgId, programId, userId: m.userId }))}
                  >
                    {m.status === "pending" ? "Approve" : "Add"}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
