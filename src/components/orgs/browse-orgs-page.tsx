import { Link, useHydrated, useNavigate } from "@tanstack/react-router";
import { useConvexAuth } from "convex/react";
import { Plus, Search, SearchX } from "lucide-react";
import { useEffect, useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { PageHeader } from "~/components/common/page-header";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { COUNTRIES, countryName } from "~/lib/countries";
import { useOrgSearch } from "./data";
import { OrgCard } from "./org-card";
import type { OrgSummary } from "./types";

const PAGE_SIZE = 12;

export type BrowseSearch = { q?: string; country?: string };

/** Browse and search organizations by name and country; the search lives in the address. */
export function BrowseOrgsPage({ search: { q = "", country } }: { search: BrowseSearch }) {
  const navigate = useNavigate({ from: "/orgs/" });
  const hydrated = useHydrated();
  const { isAuthenticated } = useConvexAuth();
  const [text, setText] = useState(q);

  // Typing updates the address (so results can be shared) once the typist pauses.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => {
      void navigate({ search: (prev) => ({ ...prev, q: text.trim() || undefined }), replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, q, navigate]);

  const { results, status, loadMore } = useOrgSearch(hydrated ? { query: q, country } : null, PAGE_SIZE);

  const loadingFirst = !hydrated || status === "LoadingFirstPage";
  const shown: OrgSummary[] | null = loadingFirst ? null : results;
  const filtered = q !== "" || country !== undefined;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <PageHeader
        title="Organizations"
        description="Find AI-safety hubs, reading groups and student clubs near you."
        actions={
          isAuthenticated ? (
            <Button asChild>
              <Link to="/orgs/new">
                <Plus aria-hidden="true" />
                Create organization
              </Link>
            </Button>
          ) : null
        }
      />

      <form
        role="search"
        className="mt-8 grid gap-4 sm:grid-cols-[1fr_14rem]"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate({ search: (prev) => ({ ...prev, q: text.trim() || undefined }), replace: true });
        }}
      >
        <div className="grid gap-2">
          <Label htmlFor="org-search">Search organizations</Label>
          <div className="relative">
            <Search
              className="text-muted-foreground pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
              aria-hidden="true"
            />
            <Input
              id="org-search"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Name, e.g. “reading group”"
              className="pl-9"
              maxLength={100}
              autoComplete="off"
            />
          </div>
        </div>
        <div className="grid gap-2">
          <Label htmlFor="org-country">Country</Label>
          <NativeSelect
            id="org-country"
            value={country ?? ""}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({ ...prev, country: event.target.value || undefined }),
                replace: true,
              })
            }
          >
            <option value="">All countries</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      </form>

      <section aria-labelledby="results-title" className="mt-8" aria-busy={loadingFirst}>
        <h2 id="results-title" className="sr-only">
          Results
        </h2>
        {shown === null ? (
          <ResultsSkeleton />
        ) : shown.length === 0 ? (
          <EmptyState
            icon={SearchX}
            title={filtered ? "No organizations match your search" : "No organizations yet"}
            action={
              filtered ? (
                <Button
                  variant="outline"
                  onClick={() => {
                    setText("");
                    void navigate({ search: {}, replace: true });
                  }}
                >
                  Clear search
                </Button>
              ) : isAuthenticated ? (
                <Button asChild>
                  <Link to="/orgs/new">Create organization</Link>
                </Button>
              ) : null
            }
          >
            {filtered
              ? `Nothing public${q ? ` matches “${q}”` : ""}${country ? ` in ${countryName(country)}` : ""}. Try another name or country.`
              : "Be the first to start one."}
          </EmptyState>
        ) : (
          <>
            <p className="text-muted-foreground mb-3 text-sm" aria-live="polite">
              {filtered ? "Matching organizations" : "Most active organizations"}
            </p>
            <ul className="grid gap-4 sm:grid-cols-2">
              {shown.map((org) => (
                <li key={org._id}>
                  <OrgCard org={org} />
                </li>
              ))}
            </ul>
            <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} />
          </>
        )}
      </section>
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <div role="status" className="grid gap-4 sm:grid-cols-2">
      <span className="sr-only">Loading organizations…</span>
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex gap-4 rounded-xl border p-4">
          <Skeleton className="size-12 rounded-lg" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}
