// The signed-in user's account: who they are, and renaming.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";

import { api } from "@convex/_generated/api";

export function viewerQuery() {
  return convexQuery(api.users.queries.viewer, {});
}

export function useUpdateNameMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.users.mutations.updateName) });
}
