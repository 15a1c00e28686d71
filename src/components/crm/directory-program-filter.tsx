// The directory's program filter: a program of the org, and where its members stand in it. It
// combines with every other filter (the server walks that program's cohort; see
// convex/crm/directoryProgram.ts), so choosing it clears nothing else.
import { useQuery } from "@tanstack/react-query";

import { programsQuery } from "~/components/programs/data";
import { NativeSelect } from "~/components/ui/native-select";
import type { Id } from "@convex/_generated/dataModel";
import { PROGRAM_FILTER_STATES, PROGRAM_PARTICIPATION_LABELS } from "@convex/lib/vocabulary";
import { FilterField } from "./directory-activity";
import type { DirectorySearch } from "./directory-url";

const STATE_LABELS = { ...PROGRAM_PARTICIPATION_LABELS, enrolled: "Everyone in it" };

export function DirectoryProgramFilter({
  orgId,
  search,
  onChange,
}: {
  orgId: Id<"organizations">;
  search: DirectorySearch;
  onChange: (next: DirectorySearch) => void;
}) {
  const programs = useQuery(programsQuery(orgId));
  const { program: _p, participation: _s, ...rest } = search;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="directory-program" label="Program" className="lg:col-span-2">
        <NativeSelect
          id="directory-program"
          value={search.program ?? ""}
          disabled={programs.data === undefined}
          onChange={(e) => onChange(e.target.value ? { ...rest, program: e.target.value } : rest)}
        >
          <option value="">Any program</option>
          {(programs.data ?? []).map((p) => (
            <option key={p._id} value={p._id}>
              {p.name}
              {p.status === "draft" ? " (draft)" : ""}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      {search.program ? (
        <FilterField id="directory-participation" label="In the program">
          <NativeSelect
            id="directory-participation"
            value={search.participation ?? "enrolled"}
            onChange={(e) => {
              const value = e.target.value as (typeof PROGRAM_FILTER_STATES)[number];
              onChange({ ...rest, program: search.program, ...(value === "enrolled" ? {} : { participation: value }) });
            }}
          >
            {PROGRAM_FILTER_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
      ) : null}
    </div>
  );
}
