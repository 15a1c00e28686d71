// The CRM feature's data: query options and one mutation hook per backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { StatsRange } from "@convex/lib/vocabulary";

// ---- Member record, notes and community stats ----

export function memberRecordQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.crm.record.memberRecord, { orgId, userId });
}

export function useMemberTimeline(orgId: Id<"organizations">, userId: Id<"users">, pageSize = 20) {
  return usePaginatedQuery(api.crm.record.memberTimeline, { orgId, userId }, { initialNumItems: pageSize });
}

/** The member's engagement score. */
export function memberEngagementQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.engagement.queries.memberEngagement, { orgId, userId });
}

export function communityStatsQuery(orgId: Id<"organizations">, range: StatsRange) {
  return convexQuery(api.crm.stats.communityStats, { orgId, range });
}

export function useAddNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.addNote) });
}

export function useUpdateNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.updateNote) });
}

export function useDeleteNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.deleteNote) });
}

// ---- end member record, notes and community stats ----
