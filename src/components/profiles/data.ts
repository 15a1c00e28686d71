// The profiles feature's data: the member's own profile, an admin's view of a member's, and the
// profile and privacy mutations.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export function myProfileQuery() {
  return convexQuery(api.profiles.queries.getMyProfile, {});
}

/** A member's profile as their org's admins may see it; skipped (no request) while `userId` is null. */
export function memberProfileQuery(orgId: Id<"organizations">, userId: Id<"users"> | null) {
  return {
    ...convexQuery(api.profiles.queries.getMemberProfileForAdmin, userId === null ? "skip" : { orgId, userId }),
    enabled: userId !== null,
  };
}

export function useUpdateMyProfileMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.profiles.mutations.updateMyProfile) });
}

export function useUpdatePrivacyMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.profiles.mutations.updatePrivacy) });
}
