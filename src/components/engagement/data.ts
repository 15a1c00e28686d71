// The engagement feature's data (admins only): the level distribution, members by level and
// source, a member's history, runs (the latest one live, for the progress bar), the budget and
// the rule-based scorer; one mutation hook per backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { EngagementLevel, EngagementSource } from "@convex/lib/vocabulary";

export type MemberEngagement = FunctionReturnType<typeof api.engagement.queries.listMembersByLevel>["page"][number];
export type EngagementRun = NonNullable<FunctionReturnType<typeof api.engagement.queries.latestRun>>;
export type HistoryEntry = FunctionReturnType<typeof api.engagement.queries.memberHistory>["page"][number];
export type ScoringRules = FunctionReturnType<typeof api.engagement.queries.scoringRules>;

export function levelDistributionQuery(orgId: Id<"organizations">) {
  return convexQuery(api.engagement.queries.levelDistribution, { orgId });
}

export function latestRunQuery(orgId: Id<"organizations">) {
  return convexQuery(api.engagement.queries.latestRun, { orgId });
}

export function budgetQuery(orgId: Id<"organizations">) {
  return convexQuery(api.engagement.queries.budget, { orgId });
}

export function scoringRulesQuery(orgId: Id<"organizations">) {
  return convexQuery(api.engagement.queries.scoringRules, { orgId });
}

export function memberEngagementQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.engagement.queries.memberEngagement, { orgId, userId });
}

/** Members by effective level and source, a page at a time (the server filters by index). */
export function useMembersByLevel(
  orgId: Id<"organizations">,
  level: EngagementLevel | "",
  source: EngagementSource | "",
  pageSize: number,
) {
  const args = { orgId, ...(level === "" ? {} : { level }), ...(source === "" ? {} : { source }) };
  return usePaginatedQuery(api.engagement.queries.listMembersByLevel, args, { initialNumItems: pageSize });
}

export function useMemberHistory(orgId: Id<"organizations">, userId: Id<"users">, pageSize: number) {
  return usePaginatedQuery(api.engagement.queries.memberHistory, { orgId, userId }, { initialNumItems: pageSize });
}

export function useRuns(orgId: Id<"organizations">, pageSize: number) {
  return usePaginatedQuery(api.engagement.queries.listRuns, { orgId }, { initialNumItems: pageSize });
}

export function useSetOverrideMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.engagement.mutations.setOverride) });
}

export function useClearOverrideMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.engagement.mutations.clearOverride) });
}

export function useRecomputeNowMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.engagement.mutations.recomputeNow) });
}

export function useSetBudgetMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.engagement.mutations.setBudget) });
}
