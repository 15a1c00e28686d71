// The orgs feature's data: org pages, membership lists, search and suggestions, invites; one
// mutation hook per backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";

import { useAuthAwareQuery } from "~/lib/use-auth-aware-query";
import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { invitePreviewQuery, orgQuery } from "./queries";

export { invitePreviewQuery, orgQuery };

export function myOrgsQuery() {
  return convexQuery(api.orgs.queries.myOrgs, {});
}

export function suggestedOrgsQuery() {
  return convexQuery(api.orgs.queries.suggestOrgsNearMe, {});
}

/** Whether an org address is free; skipped (no request) while `slug` is null. */
export function slugAvailableQuery(slug: string | null) {
  return {
    ...convexQuery(api.orgs.queries.checkSlugAvailable, slug === null ? "skip" : { slug }),
    enabled: slug !== null,
  };
}

/**
 * The org page's data, live; "not found" only once the session has settled (a private org is
 * NOT_FOUND to the signed-out server render).
 */
export function useOrg(slug: string) {
  const { data, ...state } = useAuthAwareQuery(orgQuery(slug));
  return { org: data, ...state };
}

/** Orgs by name and country; skipped (no request) while `args` is null (before hydration). */
export function useOrgSearch(args: { query: string; country?: string } | null, pageSize: number) {
  return usePaginatedQuery(api.orgs.queries.searchOrgs, args ?? "skip", { initialNumItems: pageSize });
}

export function useMembers(orgId: Id<"organizations">, role: "admin" | "member" | "", pageSize: number) {
  return usePaginatedQuery(api.orgs.queries.listMembers, role === "" ? { orgId } : { orgId, role }, {
    initialNumItems: pageSize,
  });
}

export function useInvites(orgId: Id<"organizations">, pageSize: number) {
  return usePaginatedQuery(api.orgs.invites.listInvites, { orgId }, { initialNumItems: pageSize });
}

export function useCreateOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.createOrg) });
}

export function useUpdateOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.updateOrg) });
}

export function usePromoteMemberMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.promoteMember) });
}

export function useDemoteMemberMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.demoteMember) });
}

export function useRemoveMemberMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.removeMember) });
}

export function useLeaveOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.mutations.leaveOrg) });
}

export function useCreateInviteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.invites.createInvite) });
}

export function useRevokeInviteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.invites.revokeInvite) });
}

export function useRegenerateInviteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.invites.regenerateInvite) });
}

export function useJoinByInviteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.invites.joinByInvite) });
}

export function useJoinRequests(orgId: Id<"organizations">, pageSize: number) {
  return usePaginatedQuery(api.orgs.joining.listJoinRequests, { orgId }, { initialNumItems: pageSize });
}

/** Joins a public org, or asks to when its admins approve members. */
export function useJoinOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.joining.joinOrg) });
}

export function useCancelJoinRequestMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.joining.cancelJoinRequest) });
}

export function useApproveJoinRequestMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.joining.approveJoinRequest) });
}

export function useDeclineJoinRequestMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.orgs.joining.declineJoinRequest) });
}
