// The admin directory: filters in the URL, one server page at a time (live), bulk tagging of the
// selected rows, tag management and the CSV export of the current filters.
import { useQuery } from "@tanstack/react-query";
import { SearchX, UsersRound } from "lucide-react";
import { useMemo, useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Button } from "~/components/ui/button";
import { plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import { programsQuery } from "~/components/programs/data";
import { tagsQuery, useDirectory } from "./data";
import { DirectoryBulkBar } from "./directory-bulk-bar";
import { DirectoryFilters } from "./directory-filters";
import type { RawDirectorySearch } from "./directory-search";
import { type DirectorySearch, hasFilters, toDirectoryFilters, validateDirectorySearch } from "./directory-url";
import { DirectorySkeleton, DirectoryTable } from "./directory-table";
import { ExportButton } from "./export-button";
import { TagsManager } from "./tags-manager";

const PAGE_SIZE = 50;

export type DirectoryOrg = { _id: Id<"organizations">; slug: string; name: string; memberCount: number };

export function DirectoryPage({
  org,
  viewerId,
  search: rawSearch,
  onSearchChange,
}: {
  org: DirectoryOrg;
  viewerId: Id<"users"> | undefined;
  search: RawDirectorySearch;
  onSearchChange: (next: DirectorySearch, options?: { replace?: boolean }) => void;
}) {
  // What the URL holds, validated: unknown values and unindexed combinations are dropped.
  const validated = useMemo(() => validateDirectorySearch(rawSearch), [rawSearch]);
  // Program and tag ids from the address are checked against the org's before the directory
  // reads them: an old or mistyped link (or a tag deleted meanwhile) shows the list unfiltered by
  // it, with a note, instead of an error.
  const programs = useQuery({ ...programsQuery(org._id), enabled: Boolean(validated.program) });
  const tags = useQuery(tagsQuery(org._id));
  const unknownProgram =
    validated.program !== undefined &&
    programs.data !== undefined &&
    !programs.data.some((p) => p._id === validated.program);
  const unknownTag =
    validated.tag !== undefined && tags.data !== undefined && !tags.data.some((tag) => tag._id === validated.tag);
  const search = useMemo((): DirectorySearch => {
    const kept = { ...validated };
    if (unknownProgram) {
      delete kept.program;
      delete kept.participation;
    }
    if (unknownTag) delete kept.tag;
    return kept;
  }, [validated, unknownProgram, unknownTag]);
  const filters = useMemo(() => toDirectoryFilters(search), [search]);
  const waitForIds =
    (search.program !== undefined && programs.data === undefined) ||
    (search.tag !== undefined && tags.data === undefined);
  const { results, status, loadMore } = useDirectory(org._id, waitForIds ? "skip" : filters, PAGE_SIZE);
  const tagMap = useMemo(() => new Map((tags.data ?? []).map((tag) => [tag._id as string, tag])), [tags.data]);
  const [selected, setSelected] = useState<Set<Id<"users">>>(new Set());
  const shownSelected = new Set(results.filter((row) => selected.has(row.userId)).map((row) => row.userId));

  const toggle = (userId: Id<"users">) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  const toggleAll = () =>
    setSelected(
      results.length > 0 && results.every((row) => selected.has(row.userId))
        ? new Set()
        : new Set(results.map((row) => row.userId)),
    );

  return (
    <section aria-labelledby="directory-title" className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="directory-title" className="text-lg font-semibold">
            Member directory
          </h2>
          <p className="text-muted-foreground text-sm">
            {plural(org.memberCount, "member")} · updates live · admins only
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <TagsManager orgId={org._id} />
          <ExportButton orgId={org._id} slug={org.slug} filters={filters} />
        </div>
      </div>

      <DirectoryFilters orgId={org._id} search={search} onChange={onSearchChange} />
      {unknownProgram || unknownTag ? (
        <p role="status" className="text-muted-foreground text-sm">
          The {unknownProgram && unknownTag ? "program and tag" : unknownProgram ? "program" : "tag"} in this link{" "}
          {unknownProgram && unknownTag ? "do" : "does"} not exist in this organization, so the list is not filtered by{" "}
          {unknownProgram && unknownTag ? "them" : "it"}.
        </p>
      ) : null}

      {shownSelected.size > 0 ? (
        <DirectoryBulkBar
          orgId={org._id}
          tags={tags.data ?? []}
          selected={[...shownSelected]}
          onClear={() => setSelected(new Set())}
        />
      ) : null}

      {status === "LoadingFirstPage" ? (
        <DirectorySkeleton />
      ) : results.length === 0 ? (
        hasFilters(search) ? (
          <EmptyState
            icon={SearchX}
            title="No members match these filters"
            action={
              <Button variant="outline" onClick={() => onSearchChange({})}>
                Clear filters
              </Button>
            }
          >
            Try another level, tag, program or date. Career stage, city and skills only find members who share them.
          </EmptyState>
        ) : (
          <EmptyState icon={UsersRound} title="No members yet">
            Share an invite link to bring people in.
          </EmptyState>
        )
      ) : (
        <>
          <p className="text-muted-foreground text-xs" aria-live="polite">
            Showing {plural(results.length, "member")}
            {status === "Exhausted" ? "" : " (more below)"}
          </p>
          <DirectoryTable
            org={org}
            rows={results}
            tags={tagMap}
            viewerId={viewerId}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
          />
        </>
      )}
      <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Load more members" />
    </section>
  );
}
