import { createFileRoute } from "@tanstack/react-router";

import { BrowseOrgsPage, type BrowseSearch } from "~/components/orgs/browse-orgs-page";

export const Route = createFileRoute("/orgs/")({
  validateSearch: (search: Record<string, unknown>): BrowseSearch => ({
    q: typeof search.q === "string" && search.q.trim() !== "" ? search.q.slice(0, 100) : undefined,
    country:
      typeof search.country === "string" && /^[A-Za-z]{2}$/.test(search.country)
        ? search.country.toUpperCase()
        : undefined,
  }),
  head: () => ({ meta: [{ title: "Organizations · ASTN Orgs" }] }),
  component: function BrowseOrgsRoute() {
    return <BrowseOrgsPage search={Route.useSearch()} />;
  },
});
