// The CRM feature's data: the admin directory (paginated, live), org tags and member tags, and the
// export's chunk reader; one mutation hook per backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { DirectoryFilters } from "@convex/crm/directoryPlan";

export function useDirectory(orgId: Id<"organizations">, filters: DirectoryFilters, pageSize: number) {
  return usePaginatedQuery(api.crm.directory.listDirectory, { orgId, filters }, { initialNumItems: pageSize });
}

export function tagsQuery(orgId: Id<"organizations">) {
  return convexQuery(api.crm.tags.listTags, { orgId });
}

export function memberTagsQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.crm.tags.memberTags, { orgId, userId });
}

export function useCreateTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.createTag) });
}

export function useUpdateTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.updateTag) });
}

export function useDeleteTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.deleteTag) });
}

export function useAssignTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.assignTag) });
}

export function useUnassignTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.unassignTag) });
}

export function useStartExportMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.export.startExport) });
}

/** The export's chunk query (read one-shot through the Convex client, not subscribed). */
export const exportChunkQuery = api.crm.export.exportChunk;
