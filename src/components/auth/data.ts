// The account: who the signed-in user is, renaming, the password and deleting the account.
import { convexQuery, useConvexAction, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";

import { api } from "@convex/_generated/api";

export function viewerQuery() {
  return convexQuery(api.users.queries.viewer, {});
}

export function useUpdateNameMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.users.mutations.updateName) });
}

export function accountDeletionCheckQuery() {
  return convexQuery(api.users.account.accountDeletionCheck, {});
}

export function useChangePasswordMutation() {
  return useMutation({ mutationFn: useConvexAction(api.users.account.changePassword) });
}

export function useDeleteAccountMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.users.account.deleteAccount) });
}

export function devAccountEmailsQuery(email: string) {
  return convexQuery(api.emails.devAccount.devAccountEmails, { email });
}
