// The profiles feature's data: the member's own profile and the profile and privacy mutations.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";

import { api } from "@convex/_generated/api";

export function myProfileQuery() {
  return convexQuery(api.profiles.queries.getMyProfile, {});
}

export function useUpdateMyProfileMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.profiles.mutations.updateMyProfile) });
}

export function useUpdatePrivacyMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.profiles.mutations.updatePrivacy) });
}
