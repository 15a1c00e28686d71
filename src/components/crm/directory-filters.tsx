// The directory's filter bar. Every control writes the URL (through `onChange`); the page reads
// its state back from there. It offers only combinations the server indexes: one of tag / career
// stage / city / skill, one activity filter (which sets the sort), and no activity filter during a
// name search (see convex/crm/directoryPlan.ts). A program filter combines with all of them.
import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";

import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import type { Id } from "@convex/_generated/dataModel";
import {
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  type CareerStage,
  DIRECTORY_SORT_LABELS,
  DIRECTORY_SORTS,
  type DirectorySort,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_LEVELS,
} from "@convex/lib/vocabulary";
import { tagsQuery } from "./data";
import { type Activity, ActivityInputs, FilterField as Field } from "./directory-activity";
import { DirectoryProgramFilter } from "./directory-program-filter";
import { type DirectorySearch, hasFilters, rangeSortOf } from "./directory-url";

type Facet = "" | "tag" | "stage" | "city" | "skill";

const facetOf = (s: DirectorySearch): Facet =>
  s.tag ? "tag" : s.stage ? "stage" : s.city ? "city" : s.skill ? "skill" : "";
const activityOf = (s: DirectorySearch): Activity => {
  const range = rangeSortOf(s);
  return range === "joined" ? "joined" : range === "events" ? "events" : range === "lastAttended" ? "seen" : "";
};
const withoutFacet = ({ tag: _t, stage: _s, city: _c, skill: _k, ...rest }: DirectorySearch) => rest;
const withoutActivity = ({
  joinedFrom: _a,
  joinedTo: _b,
  minEvents: _c,
  seenAfter: _d,
  seenBefore: _e,
  sort: _f,
  ...rest
}: DirectorySearch) => rest;

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export function DirectoryFilters({
  orgId,
  search,
  onChange,
}: {
  orgId: Id<"organizations">;
  search: DirectorySearch;
  onChange: (next: DirectorySearch, options?: { replace?: boolean }) => void;
}) {
  const tags = useQuery(tagsQuery(orgId));
  // Local choices hold only until the URL changes (then the URL is the truth again).
  const [draft, setDraft] = useState<{ q: string | undefined; text: string } | null>(null);
  const [facetChoice, setFacetChoice] = useState<{ of: DirectorySearch; value: Facet } | null>(null);
  const [activityChoice, setActivityChoice] = useState<{ of: DirectorySearch; value: Activity } | null>(null);
  const text = draft !== null && draft.q === search.q ? draft.text : (search.q ?? "");
  const setText = (value: string) => setDraft({ q: search.q, text: value });
  const facet = facetChoice?.of === search ? facetChoice.value : facetOf(search);
  const setFacet = (value: Facet) => setFacetChoice({ of: search, value });
  const activity = activityChoice?.of === search ? activityChoice.value : activityOf(search);
  const setActivity = (value: Activity) => setActivityChoice({ of: search, value });
  // Typing updates the URL after a pause, replacing the entry (Back skips the keystrokes).
  useEffect(() => {
    if (text.trim() === (search.q ?? "")) return;
    const timer = setTimeout(() => {
      const { q: _q, ...rest } = search;
      onChange(text.trim() === "" ? rest : { ...withoutActivity(rest), q: text.trim() }, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, search, onChange]);

  const searching = Boolean(search.q);
  // Within a program the cohort is matched by name in memory, so results come in name order.
  const searchOrder = search.program ? "Name" : "Best match";
  const forcedSort = rangeSortOf(search);
  const set = (patch: Partial<DirectorySearch>) => onChange({ ...search, ...patch });

  return (
    <div className="bg-card grid gap-3 rounded-xl border p-3 shadow-sm sm:p-4">
      <div className="grid gap-3 sm:grid-cols-[minmax(12rem,2fr)_1fr_1fr]">
        <Field id="directory-search" label="Search by name">
          <div className="relative">
            <Search
              className="text-muted-foreground absolute top-1/2 left-3 size-4 -translate-y-1/2"
              aria-hidden="true"
            />
            <Input
              id="directory-search"
              type="search"
              value={text}
              placeholder="Name…"
              className="pl-9"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        </Field>
        <Field id="directory-level" label="Engagement level">
          <NativeSelect
            id="directory-level"
            value={search.level ?? ""}
            onChange={(e) => set({ level: (e.target.value || undefined) as DirectorySearch["level"] })}
          >
            <option value="">All levels</option>
            {ENGAGEMENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {ENGAGEMENT_LEVEL_LABELS[level]}
              </option>
            ))}
            <option value="unscored">Not scored yet</option>
          </NativeSelect>
        </Field>
        <Field id="directory-role" label="Role">
          <NativeSelect
            id="directory-role"
            value={search.role ?? ""}
            onChange={(e) => set({ role: (e.target.value || undefined) as DirectorySearch["role"] })}
          >
            <option value="">Everyone</option>
            <option value="admin">Admins</option>
            <option value="member">Members</option>
          </NativeSelect>
        </Field>
      </div>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="directory-facet" label="Filter by">
          <NativeSelect
            id="directory-facet"
            value={facet}
            onChange={(e) => {
              const next = e.target.value as Facet;
              setFacet(next);
              if (next === "") onChange(withoutFacet(search));
            }}
          >
            <option value="">Nothing else</option>
            <option value="tag">Tag</option>
            <option value="stage">Career stage (where shared)</option>
            <option value="city">City (where shared)</option>
            <option value="skill">Skill (where shared)</option>
          </NativeSelect>
        </Field>
        {facet === "tag" ? (
          <Field id="directory-tag" label="Tag">
            <NativeSelect
              id="directory-tag"
              value={search.tag ?? ""}
              onChange={(e) =>
                onChange({ ...withoutFacet(search), ...(e.target.value ? { tag: e.target.value } : {}) })
              }
            >
              <option value="">Choose a tag…</option>
              {(tags.data ?? []).map((tag) => (
                <option key={tag._id} value={tag._id}>
                  {tag.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : facet === "stage" ? (
          <Field id="directory-stage" label="Career stage">
            <NativeSelect
              id="directory-stage"
              value={search.stage ?? ""}
              onChange={(e) =>
                onChange({
                  ...withoutFacet(search),
                  ...(e.target.value ? { stage: e.target.value as CareerStage } : {}),
                })
              }
            >
              <option value="">Choose a stage…</option>
              {CAREER_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {CAREER_STAGE_LABELS[stage]}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : facet === "city" || facet === "skill" ? (
          <TextFacet
            key={facet}
            kind={facet}
            value={search[facet] ?? ""}
            onCommit={(value) => onChange({ ...withoutFacet(search), ...(value ? { [facet]: value } : {}) })}
          />
        ) : (
          <div className="hidden lg:block" />
        )}

        <Field id="directory-activity" label="Activity">
          <NativeSelect
            id="directory-activity"
            value={activity}
            disabled={searching}
            aria-describedby={searching ? "directory-activity-note" : undefined}
            onChange={(e) => {
              const next = e.target.value as Activity;
              setActivity(next);
              if (next === "") onChange(withoutActivity(search));
              // Each starts with a useful default: new this month, regulars, nobody seen in 90 days.
              if (next === "joined") onChange({ ...withoutActivity(search), joinedFrom: daysAgo(30) });
              if (next === "events") onChange({ ...withoutActivity(search), minEvents: 1 });
              if (next === "seen") onChange({ ...withoutActivity(search), seenBefore: daysAgo(90) });
            }}
          >
            <option value="">Any activity</option>
            <option value="joined">Joined between</option>
            <option value="events">Attended at least</option>
            <option value="seen">Last attended</option>
          </NativeSelect>
        </Field>
        <ActivityInputs
          activity={activity}
          search={search}
          onChange={(patch) => onChange({ ...withoutActivity(search), ...patch })}
        />
      </div>

      <DirectoryProgramFilter orgId={orgId} search={search} onChange={onChange} />

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <Field id="directory-sort" label="Sort by">
            <NativeSelect
              id="directory-sort"
              className="w-44"
              value={searching ? "" : (search.sort ?? "name")}
              disabled={searching || forcedSort !== null}
              aria-describedby="directory-sort-note"
              onChange={(e) => set({ sort: e.target.value as DirectorySort, order: undefined })}
            >
              {searching ? <option value="">{searchOrder}</option> : null}
              {DIRECTORY_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {DIRECTORY_SORT_LABELS[sort]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="directory-order" label="Order">
            <NativeSelect
              id="directory-order"
              className="w-40"
              disabled={searching}
              value={search.order ?? ((search.sort ?? "name") === "name" ? "asc" : "desc")}
              onChange={(e) => set({ order: e.target.value as "asc" | "desc" })}
            >
              <option value="asc">{(search.sort ?? "name") === "name" ? "A to Z" : "Lowest / oldest first"}</option>
              <option value="desc">{(search.sort ?? "name") === "name" ? "Z to A" : "Highest / newest first"}</option>
            </NativeSelect>
          </Field>
        </div>
        {hasFilters(search) ? (
          <Button variant="ghost" onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        ) : null}
      </div>
      <p id="directory-sort-note" className="text-muted-foreground text-xs">
        {searching
          ? search.program
            ? "Search results in this program are sorted by name. Clear the search to filter by activity."
            : "Search results show best matches first. Clear the search to filter by activity."
          : forcedSort
            ? `Sorted by ${DIRECTORY_SORT_LABELS[forcedSort].toLowerCase()} while this activity filter is on.`
            : "Career stage, city and skills find only members who share them with admins."}
      </p>
      {searching ? (
        <span id="directory-activity-note" className="sr-only">
          Activity filters are off during a name search.
        </span>
      ) : null}
    </div>
  );
}

function TextFacet({
  kind,
  value,
  onCommit,
}: {
  kind: "city" | "skill";
  value: string;
  onCommit: (v: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const id = `directory-${kind}`;
  return (
    <Field id={id} label={kind === "city" ? "City" : "Skill"}>
      <Input
        id={id}
        value={draft}
        placeholder={kind === "city" ? "e.g. Berlin" : "e.g. Python"}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft.trim() !== value && onCommit(draft.trim())}
        onKeyDown={(e) => e.key === "Enter" && onCommit(draft.trim())}
      />
    </Field>
  );
}
