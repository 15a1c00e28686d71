import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { useConvexAuth } from "convex/react";

import { errorCode } from "~/lib/errors";
import { api } from "../../../convex/_generated/api";

export function orgQuery(slug: string) {
  return convexQuery(api.orgs.queries.getOrgBySlug, { slug });
}

/**
 * The org page's data, live. A private org answers NOT_FOUND until the session is known (the
 * server renders signed out), so "not found" only counts once auth has settled.
 */
export function useOrg(slug: string) {
  const auth = useConvexAuth();
  const query = useQuery(orgQuery(slug));
  const code = errorCode(query.error);
  const settling = auth.isLoading && query.data === undefined;
  return {
    org: query.data,
    loading: (query.isPending && !query.isError) || (settling && code === "NOT_FOUND"),
    notFound: !settling && query.data === undefined && code === "NOT_FOUND",
    failed: query.data === undefined && query.isError && code !== "NOT_FOUND",
    isAuthenticated: auth.isAuthenticated,
    authLoading: auth.isLoading,
  };
}
