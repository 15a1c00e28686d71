// The directory's filter fields: the labelled field every filter uses, and the inputs of the
// activity filter (a date range, or a minimum of events attended).
import type { ReactNode } from "react";

import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";
import type { DirectorySearch } from "./directory-url";

export type Activity = "" | "joined" | "events" | "seen";

export function FilterField({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("grid min-w-0 gap-1.5", className)}>
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      {children}
    </div>
  );
}

export function ActivityInputs({
  activity,
  search,
  onChange,
}: {
  activity: Activity;
  search: DirectorySearch;
  onChange: (patch: Partial<DirectorySearch>) => void;
}) {
  if (activity === "joined") {
    return (
      <DatePair
        search={search}
        onChange={onChange}
        fields={[
          { key: "joinedFrom", label: "Joined from" },
          { key: "joinedTo", label: "to" },
        ]}
      />
    );
  }
  if (activity === "events") {
    return (
      <FilterField id="directory-min-events" label="Events attended, at least">
        <Input
          id="directory-min-events"
          type="number"
          min={0}
          step={1}
          value={search.minEvents ?? ""}
          onChange={(e) =>
            onChange({ minEvents: e.target.value === "" ? 0 : Math.max(0, Math.floor(Number(e.target.value))) })
          }
        />
      </FilterField>
    );
  }
  if (activity === "seen") {
    return (
      <DatePair
        search={search}
        onChange={onChange}
        fields={[
          { key: "seenBefore", label: "Last attended before" },
          { key: "seenAfter", label: "Last attended after" },
        ]}
      />
    );
  }
  return <div className="hidden lg:block" />;
}

type DateKey = "joinedFrom" | "joinedTo" | "seenBefore" | "seenAfter";

/** Two date inputs of one range filter; a change keeps the other end (both are sent together). */
function DatePair({
  fields,
  search,
  onChange,
}: {
  fields: [{ key: DateKey; label: string }, { key: DateKey; label: string }];
  search: DirectorySearch;
  onChange: (patch: Partial<DirectorySearch>) => void;
}) {
  const both = Object.fromEntries(fields.map(({ key }) => [key, search[key]]));
  return (
    <div className="grid grid-cols-2 gap-2">
      {fields.map(({ key, label }) => {
        const id = `directory-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        return (
          <FilterField key={key} id={id} label={label}>
            <Input
              id={id}
              type="date"
              value={search[key] ?? ""}
              onChange={(e) => onChange({ ...both, [key]: e.target.value || undefined })}
            />
          </FilterField>
        );
      })}
    </div>
  );
}
